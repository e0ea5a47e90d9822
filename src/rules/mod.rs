//! The rule catalog: one module per source, one file per topic, one struct per rule.
//!
//! A rule's id is `<source>.<defect>`, and its struct lives in
//! `src/rules/<source>/<topic>.rs`: `rfc5280.ca_basic_constraints_not_critical` is
//! [`rfc5280::basic_constraints::CaBasicConstraintsNotCritical`]. Every rule is listed in
//! its topic's `RULES` table, which the source module collects; [`all`] walks them in a
//! stable order.

pub mod apple;
pub(crate) mod bignum;
pub mod cabf_br;
pub mod cabf_ev;
pub mod chain;
pub mod chrome;
pub mod community;
pub(crate) mod eku_sets;
pub mod ip_ranges;
pub mod iso3166;
pub mod mozilla;
pub mod rfc5280;
mod sha3;
pub(crate) mod summary;

use crate::rule::Rule;

/// Every source's topic tables, in catalog order.
static SOURCES: &[&[&[&dyn Rule]]] =
    &[rfc5280::RULES, cabf_br::RULES, cabf_ev::RULES, mozilla::RULES, chrome::RULES, apple::RULES, community::RULES];

pub(crate) fn registry() -> impl Iterator<Item = &'static dyn Rule> {
    SOURCES.iter().flat_map(|s| s.iter()).flat_map(|t| t.iter()).copied()
}

/// Every built-in rule, in catalog order.
pub fn all() -> impl Iterator<Item = &'static dyn Rule> {
    registry()
}

/// The built-in rule with this id or alias.
pub fn find(name: &str) -> Option<&'static dyn Rule> {
    registry().find(|r| r.meta().answers_to(name))
}
