//! Pair and chain rules: checks that need a certificate's issuer or the whole path.
//!
//! Every id starts with `<source>.chain_` and the rule lives in
//! `src/rules/chain/<source>.rs`: `rfc5280.chain_issuer_not_ca` is
//! [`rfc5280::ChainIssuerNotCa`]. Each file lists its [`PairRule`]s in `PAIR_RULES` and its
//! [`ChainRule`]s in `CHAIN_RULES`; the built-in policies take those of their sources.

pub mod cabf_br;
pub mod community;
pub mod rfc5280;

use crate::chain::{ChainRule, PairRule};

static PAIR_SOURCES: &[&[&dyn PairRule]] = &[rfc5280::PAIR_RULES, cabf_br::PAIR_RULES, community::PAIR_RULES];
static CHAIN_SOURCES: &[&[&dyn ChainRule]] = &[rfc5280::CHAIN_RULES, cabf_br::CHAIN_RULES, community::CHAIN_RULES];

/// Every built-in pair rule, in catalog order.
pub fn pair_rules() -> impl Iterator<Item = &'static dyn PairRule> {
    PAIR_SOURCES.iter().flat_map(|s| s.iter()).copied()
}

/// Every built-in chain rule, in catalog order.
pub fn chain_rules() -> impl Iterator<Item = &'static dyn ChainRule> {
    CHAIN_SOURCES.iter().flat_map(|s| s.iter()).copied()
}

/// Every built-in pair and chain rule's metadata.
pub fn all_meta() -> impl Iterator<Item = &'static crate::RuleMeta> {
    pair_rules().map(|r| r.meta()).chain(chain_rules().map(|r| r.meta()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn ids_are_unique_prefixed_and_documented() {
        let ids: Vec<&str> = all_meta().map(|m| m.id()).collect();
        for (i, id) in ids.iter().enumerate() {
            assert!(!ids[..i].contains(id), "duplicate id {id}");
            let (source, defect) = id.split_once('.').unwrap();
            assert!(defect.starts_with("chain_"), "{id} must start with <source>.chain_");
            assert!(crate::Source::from_name(source).is_some(), "{id}: unknown source");
        }
        for m in all_meta() {
            assert!(!m.description().is_empty() && !m.cited().is_empty(), "{} lacks summary or citation", m.id());
            assert_eq!(m.source().as_str(), m.id().split('.').next().unwrap());
        }
    }

    #[test]
    fn webpki_has_every_chain_rule_and_rfc5280_only_its_own() {
        let webpki = crate::Policy::webpki();
        assert_eq!(webpki.pair_rules().count() + webpki.chain_rules().count(), all_meta().count());
        let rfc = crate::Policy::rfc5280();
        assert!(rfc.pair_rules().chain(rfc.chain_rules()).all(|m| m.source() == crate::Source::Rfc5280));
        assert!(rfc.pair_rules().count() > 0);
        let excluded = crate::Policy::webpki().exclude("rfc5280.chain_issuer_not_ca");
        assert!(!excluded.pair_rules().any(|m| m.id() == "rfc5280.chain_issuer_not_ca"));
    }
}
