//! The rule traits for chains: a [`PairRule`] sees a certificate and its issuer, a
//! [`ChainRule`] the whole path.

use crate::cert::Certificate;
use crate::context::Context;
use crate::rule::{Outcome, RuleMeta};

use super::{Chain, Verification};

/// A certificate of the path and its issuer (the next certificate), with the rest of the
/// path at hand for rules that look further up (name constraints, path length).
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    chain: &'a Chain,
    index: usize,
    cert: &'a Certificate,
    issuer: &'a Certificate,
}

impl<'a> Pair<'a> {
    /// The certificate at `index` of `chain` and the one above it. `None` when `index`
    /// has no issuer in the path.
    pub fn new(chain: &'a Chain, index: usize) -> Option<Self> {
        let certs = chain.certificates();
        let cert = certs.get(index)?;
        let issuer = certs.get(index + 1)?;
        Some(Self { chain, index, cert, issuer })
    }

    /// The certificate (the child).
    pub fn cert(&self) -> &'a Certificate {
        self.cert
    }

    /// Its issuer.
    pub fn issuer(&self) -> &'a Certificate {
        self.issuer
    }

    /// The child's position in the path (0 = leaf).
    pub fn index(&self) -> usize {
        self.index
    }

    /// The whole path.
    pub fn chain(&self) -> &'a Chain {
        self.chain
    }

    /// Every certificate above the child, issuer first.
    pub fn above(&self) -> impl Iterator<Item = &'a Certificate> + 'a {
        self.chain.certificates().iter().skip(self.index + 1)
    }

    /// Whether the issuer is a trust anchor (it came from the roots, or it ends an
    /// anchored path).
    pub fn issuer_is_anchor(&self) -> bool {
        self.chain.is_anchor(self.index + 1)
    }

    /// The child's signature checked under the issuer's key with the context's verifier
    /// (see [`Context::with_verifier`]); `None` when there is no verifier.
    pub fn verify_signature(&self, ctx: &Context) -> Option<Verification> {
        ctx.verifier().map(|v| super::verify_signature(v, self.cert, self.issuer))
    }
}

/// A check on a certificate and its issuer. Like [`Rule`](crate::Rule): a unit struct,
/// metadata in a `static`, a check that never panics. The engine applies the scope (the
/// child's certificate type) and the effective dates (the child's notBefore) first.
pub trait PairRule: Send + Sync + 'static {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;

    /// Tests the pair.
    fn check(&self, pair: &Pair<'_>, ctx: &Context) -> Outcome;
}

/// A check on the whole chain (order, completeness, expiry at the context's time, host
/// name, key purposes). The engine applies the scope and effective dates to the leaf.
pub trait ChainRule: Send + Sync + 'static {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;

    /// Tests the chain.
    fn check(&self, chain: &Chain, ctx: &Context) -> Outcome;
}
