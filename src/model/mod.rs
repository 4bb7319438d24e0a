//! The model: the notes checked against each other into one validated
//! [`Site`] — events in order, sources by id, taxonomies, links between
//! notes resolved, the newsroom's checks run — and which page of the site
//! holds what ([`paging`]).

mod bodies;
mod checks;
pub(crate) mod links;
mod names;
pub(crate) mod paging;
mod site;
mod terms;

pub use site::*;
pub(crate) use terms::term_slug;
