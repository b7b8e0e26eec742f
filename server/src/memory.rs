//! How the server's memory goes back to the system.

/// Large blocks (an Argon2 password check's 19 MB, a document being read) are mapped from the
/// system on their own and given back the moment they are freed.
///
/// Why: glibc's allocator raises that threshold each time such a block is freed (up to 32 MB) and
/// from then on serves large blocks from its per-thread arenas, which keep them. After a burst of
/// sign-ins checked on many threads, the server once held 3.7 GB it never gave back; with a fixed
/// threshold it returns to its usual size (`scripts/bench`, "sign-in flood").
pub fn give_back_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a parameter of the allocator, and is called at start, before the
    // server starts any thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}
