//! The benchmark suite's own code (`scripts/bench`, issue 8), compiled only with the `bench`
//! feature: the filler that gives the database a realistic volume of data, the load client for
//! the measurements wrk cannot make (several steps, signed-in workers, checks afterwards), and the
//! charts of docs/performance.md.

pub mod chart;
pub mod client;
pub mod fill;
