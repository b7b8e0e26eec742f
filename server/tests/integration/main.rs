//! Integration tests: the real server, on port 0, against a fresh database, spoken to over HTTP.
//! One test binary (faster to link than one per file); each module is one part of the product.

mod harness;

mod addresses;
mod agenda;
mod area;
mod assistance;
mod backup;
mod booking;
mod cases;
mod catalogue;
mod catalogue_editor;
mod content;
mod dashboard;
mod demo;
mod feedback;
mod health;
mod languages;
mod limits;
mod malformed;
mod metrics;
mod offices;
mod opening;
mod outage;
mod outbox;
mod own_postgres;
mod page_cache;
mod pages;
mod plans;
mod protection;
mod queues;
mod registers;
mod restart;
mod secrets;
mod shutdown;
mod smtp;
mod staff;
mod startup;
mod translations;
mod triage;
