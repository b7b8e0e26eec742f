//! Emails the service sends. Every message is first written to the `email_outbox` table (in the same
//! transaction as the change it reports, when there is one) and then sent by the server's mail
//! worker, with retries: a message is never lost because the mail server was down, and one that could
//! not be delivered stays visible to staff.

pub mod outbox;
