//! The model: the notes checked against each other into one validated
//! [`Site`] — events in order, sources by id, taxonomies, links between
//! notes resolved, the newsroom's checks run — and which page of the site
//! holds what ([`paging`]).

mod bodies;
mod checks;
mod corrections;
pub(crate) mod editions;
pub(crate) mod links;
mod localize;
mod media;
mod names;
mod order;
pub(crate) mod paging;
mod pictures;
mod provenance;
mod site;
mod span;
mod terms;

pub use corrections::{Account, Correction, FirstReported};
pub use editions::missing_translations;
pub use media::Media;
pub use provenance::{Claim, ClaimSays};
pub use site::*;
pub use span::Span;
pub(crate) use terms::term_slug;
