//! Certificate chains: ordering a bundle, building a path to trust anchors, and the
//! view that pair and chain rules read.
//!
//! ```
//! use certlint::{Certificate, Chain, Context, Policy, Time};
//!
//! # let pem = include_str!("../../tests/data/sample-chain.pem");
//! let bundle = Certificate::parse_pem_bundle(pem)?;
//! let chain = Chain::from_unordered(bundle)?;
//! let report = Policy::webpki().lint_chain(&chain, &Context::at(Time::ymd(2025, 7, 1)));
//! for (place, finding) in report.problems() {
//!     println!("{place}: {finding}");
//! }
//! # Ok::<(), certlint::Error>(())
//! ```
//!
//! # How a bundle is ordered
//!
//! [`Chain::from_unordered`] (and [`ChainBuilder`]) take the certificates as a server
//! would send them, in any order, and build the certification path from the leaf up:
//!
//! 1. Byte-identical certificates are kept once; the copies are recorded as duplicates.
//! 2. The leaf is the first certificate that is not a CA (cA not asserted); if every
//!    certificate is a CA, the first one that issued none of the others; else the first.
//! 3. From the leaf, candidate issuers are the certificates of the bundle and of the trust
//!    anchors ([`ChainBuilder::roots`]) whose subject matches the child's issuer name
//!    (RFC 5280 §7.1 comparison) or whose subjectKeyIdentifier equals the child's
//!    authorityKeyIdentifier. Each path is scored: ending at a given trust anchor beats
//!    ending at a self-signed certificate, which beats ending nowhere; then more of the
//!    presented certificates used; then better links (byte-identical names, matching key
//!    identifiers, a signature that verifies when a verifier is available); then shorter.
//! 4. Certificates of the bundle left out of the path are "unrelated" unless they could
//!    issue a certificate of the path (an alternative issuer such as a cross-certificate
//!    that the chosen anchors do not need).
//!
//! # Limits
//!
//! Path building is a depth-first search over candidate issuers, bounded so that an
//! adversarial bundle (many certificates with the same name, issuer loops) costs little:
//!
//! - [`MAX_DEPTH`]: a path holds at most 8 certificates, leaf and anchor included; longer
//!   paths are cut there and reported by `community.chain_too_long`.
//! - [`MAX_EXPANSIONS`]: at most 256 path extensions are explored in total; when the
//!   budget runs out, the best path found so far is kept and `rfc5280.chain_incomplete`
//!   says so if that path is incomplete.
//! - [`MAX_SIGNATURE_CHECKS`]: signatures are verified only to choose among two or more
//!   candidate issuers, each (child, issuer) pair at most once, and at most 64 times in
//!   all; past that, candidates are ranked by names and key identifiers alone.

mod engine;
pub(crate) mod names;
mod rule;
#[cfg(test)]
pub(crate) mod testkit;
mod verify;

pub(crate) use engine::{label as label_of, ChainRules};
pub use engine::{ChainReport, Place};
pub use rule::{ChainRule, Pair, PairRule};
#[cfg(feature = "verify")]
pub use verify::RustCryptoVerifier;
pub(crate) use verify::VerifierChoice;
pub use verify::{verify_signature, SignatureVerifier, Verification};

use alloc::{vec, vec::Vec};

use crate::cert::Certificate;
use crate::Error;

/// The most certificates a path may hold (leaf and trust anchor included).
pub const MAX_DEPTH: usize = 8;

/// The most path extensions that path building explores for one bundle.
pub const MAX_EXPANSIONS: usize = 256;

/// The most signatures path building verifies for one bundle.
pub const MAX_SIGNATURE_CHECKS: usize = 64;

/// Where a certificate of the path came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The bundle, at this 0-based position.
    Bundle(usize),
    /// The trust anchors given to [`ChainBuilder::roots`], at this position.
    Root(usize),
}

/// How the path ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termination {
    /// At one of the trust anchors given to [`ChainBuilder::roots`] (or a bundle
    /// certificate identical to one of them).
    TrustAnchor,
    /// At a self-issued certificate that is not among the given trust anchors.
    SelfIssued,
    /// At a certificate whose issuer is in neither the bundle nor the trust anchors.
    Incomplete,
}

/// A certification path, leaf first, with what was learnt about the bundle it came from.
#[derive(Debug, Clone)]
pub struct Chain {
    certs: Vec<Certificate>,
    origins: Vec<Origin>,
    termination: Termination,
    roots_given: bool,
    presented: usize,
    duplicates: Vec<(usize, usize)>,
    unrelated: Vec<(usize, Certificate)>,
    alternatives: Vec<usize>,
    kept_order: bool,
    depth_limited: bool,
    budget_exhausted: bool,
}

impl Chain {
    /// A chain in the order given, leaf first. Each certificate is taken to be issued by
    /// the next one: the pair rules report links that do not hold. Duplicates are still
    /// detected; the top is completed from nothing (use [`Chain::builder`] with
    /// [`ChainBuilder::keep_order`] and [`ChainBuilder::roots`] to anchor it).
    ///
    /// Fails only on an empty list.
    pub fn new(certs: Vec<Certificate>) -> Result<Self, Error> {
        Self::builder(certs).keep_order().build()
    }

    /// Orders a bundle given in any order (see the module documentation).
    ///
    /// Fails only on an empty list: every problem of the bundle is reported by the chain
    /// rules instead.
    pub fn from_unordered(certs: Vec<Certificate>) -> Result<Self, Error> {
        Self::builder(certs).build()
    }

    /// A builder, to give trust anchors or a signature verifier.
    pub fn builder(certs: Vec<Certificate>) -> ChainBuilder<'static> {
        ChainBuilder { bundle: certs, roots: Vec::new(), verifier: None, keep_order: false }
    }

    /// The path, leaf first. The last certificate may be a trust anchor taken from the
    /// roots (see [`Chain::origin`]).
    pub fn certificates(&self) -> &[Certificate] {
        &self.certs
    }

    /// The leaf (`None` only for a chain that lost every certificate, which
    /// construction rules out).
    pub fn leaf(&self) -> Option<&Certificate> {
        self.certs.first()
    }

    /// Number of certificates in the path.
    pub fn len(&self) -> usize {
        self.certs.len()
    }

    /// Always false: a chain holds at least its leaf.
    pub fn is_empty(&self) -> bool {
        self.certs.is_empty()
    }

    /// Where the certificate at path position `i` came from.
    pub fn origin(&self, i: usize) -> Option<Origin> {
        self.origins.get(i).copied()
    }

    /// How the path ends.
    pub fn termination(&self) -> Termination {
        self.termination
    }

    /// Whether trust anchors were given.
    pub fn roots_given(&self) -> bool {
        self.roots_given
    }

    /// Number of certificates in the bundle as presented.
    pub fn presented_len(&self) -> usize {
        self.presented
    }

    /// Duplicates: (position of the copy, position of the first occurrence) in the bundle.
    pub fn duplicates(&self) -> &[(usize, usize)] {
        &self.duplicates
    }

    /// Bundle certificates that fit nowhere in the path, with their bundle position.
    pub fn unrelated(&self) -> &[(usize, Certificate)] {
        &self.unrelated
    }

    /// Bundle positions of certificates left out of the path that could issue one of its
    /// certificates (alternative issuers, e.g. cross-certificates the anchors do not need).
    pub fn alternatives(&self) -> &[usize] {
        &self.alternatives
    }

    /// Whether the chain was taken in the given order ([`Chain::new`]).
    pub fn kept_order(&self) -> bool {
        self.kept_order
    }

    /// Whether a path was cut at [`MAX_DEPTH`].
    pub fn depth_limited(&self) -> bool {
        self.depth_limited
    }

    /// Whether path building stopped at [`MAX_EXPANSIONS`].
    pub fn budget_exhausted(&self) -> bool {
        self.budget_exhausted
    }

    /// Whether the certificate at path position `i` acts as the trust anchor: it came
    /// from the roots, or it is the self-issued top of the path (whose own signature and
    /// policies path validation does not process, RFC 5280 §6.1).
    pub fn is_anchor(&self, i: usize) -> bool {
        matches!(self.origin(i), Some(Origin::Root(_)))
            || (i > 0 && i + 1 == self.len() && self.termination != Termination::Incomplete)
    }

    /// The bundle positions of the path certificates that came from the bundle, in path
    /// order.
    pub fn presented_positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.origins.iter().filter_map(|o| match o {
            Origin::Bundle(i) => Some(*i),
            Origin::Root(_) => None,
        })
    }
}

/// Builds a [`Chain`]: the bundle, optional trust anchors and signature verifier.
pub struct ChainBuilder<'v> {
    bundle: Vec<Certificate>,
    roots: Vec<Certificate>,
    verifier: Option<&'v dyn SignatureVerifier>,
    keep_order: bool,
}

impl core::fmt::Debug for ChainBuilder<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ChainBuilder")
            .field("bundle", &self.bundle.len())
            .field("roots", &self.roots.len())
            .field("verifier", &self.verifier.is_some())
            .field("keep_order", &self.keep_order)
            .finish()
    }
}

impl<'v> ChainBuilder<'v> {
    /// The trust anchors the path must reach (`--roots`).
    pub fn roots(mut self, roots: Vec<Certificate>) -> Self {
        self.roots = roots;
        self
    }

    /// A verifier used to choose among candidate issuers. Without one, the
    /// [`RustCryptoVerifier`] is used when the `verify` feature is enabled.
    pub fn verifier<'w>(self, verifier: &'w dyn SignatureVerifier) -> ChainBuilder<'w> {
        ChainBuilder { bundle: self.bundle, roots: self.roots, verifier: Some(verifier), keep_order: self.keep_order }
    }

    /// Takes the bundle as leaf-first order instead of searching.
    pub fn keep_order(mut self) -> Self {
        self.keep_order = true;
        self
    }

    /// Builds the chain. Fails only on an empty bundle.
    pub fn build(self) -> Result<Chain, Error> {
        if self.bundle.is_empty() {
            return Err(Error::Empty);
        }
        let verifier = self.verifier.or_else(verify::default_verifier);
        let plan = {
            let mut b = Builder::new(&self.bundle, &self.roots, verifier);
            let (path, depth_limited) = if self.keep_order { b.given_order() } else { b.search() };
            b.finish(path, depth_limited)
        };
        Ok(plan.into_chain(self.keep_order, self.bundle, self.roots))
    }
}

/// A node of the search: an index into `all` (bundle uniques first, then roots).
type Ix = usize;

struct Builder<'a> {
    /// Unique bundle certificates then roots.
    all: Vec<&'a Certificate>,
    /// For each node: Origin.
    origins: Vec<Origin>,
    bundle_unique: usize,
    duplicates: Vec<(usize, usize)>,
    roots_given: bool,
    verifier: Option<&'a dyn SignatureVerifier>,
    sig_cache: Vec<(Ix, Ix, Verification)>,
    expansions: usize,
    budget_exhausted: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    class: u8,
    used: usize,
    quality: i64,
    shortness: i64,
}

impl<'a> Builder<'a> {
    fn new(bundle: &'a [Certificate], roots: &'a [Certificate], verifier: Option<&'a dyn SignatureVerifier>) -> Self {
        let mut all: Vec<&Certificate> = Vec::new();
        let mut origins = Vec::new();
        let mut duplicates = Vec::new();
        for (i, c) in bundle.iter().enumerate() {
            match all.iter().position(|u| u.der() == c.der()) {
                Some(first) => {
                    let first_pos = match origins.get(first) {
                        Some(Origin::Bundle(p)) => *p,
                        _ => first,
                    };
                    duplicates.push((i, first_pos));
                }
                None => {
                    all.push(c);
                    origins.push(Origin::Bundle(i));
                }
            }
        }
        let bundle_unique = all.len();
        for (i, r) in roots.iter().enumerate() {
            all.push(r);
            origins.push(Origin::Root(i));
        }
        Self {
            all,
            origins,
            bundle_unique,
            duplicates,
            roots_given: !roots.is_empty(),
            verifier,
            sig_cache: Vec::new(),
            expansions: 0,
            budget_exhausted: false,
        }
    }

    fn cert(&self, n: Ix) -> Option<&'a Certificate> {
        self.all.get(n).copied()
    }

    fn is_root(&self, n: Ix) -> bool {
        n >= self.bundle_unique
    }

    /// Whether a bundle node is one of the given roots (same DER, or same subject and key).
    fn equals_root(&self, n: Ix) -> bool {
        let Some(c) = self.cert(n) else { return false };
        self.all.iter().skip(self.bundle_unique).any(|r| {
            r.der() == c.der()
                || (matches!((r.subject(), c.subject()), (Ok(a), Ok(b)) if a.raw() == b.raw())
                    && matches!((r.spki(), c.spki()), (Ok(a), Ok(b)) if a.raw == b.raw))
        })
    }

    fn signature(&mut self, child: Ix, issuer: Ix) -> Option<Verification> {
        let verifier = self.verifier?;
        if let Some((_, _, v)) = self.sig_cache.iter().find(|(c, i, _)| *c == child && *i == issuer) {
            return Some(*v);
        }
        if self.sig_cache.len() >= MAX_SIGNATURE_CHECKS {
            return None;
        }
        let v = verify_signature(verifier, self.cert(child)?, self.cert(issuer)?);
        self.sig_cache.push((child, issuer, v));
        Some(v)
    }

    /// Link quality of `issuer` for `child`, or `None` when it cannot be the issuer.
    fn link(&mut self, child: Ix, issuer: Ix) -> Option<i64> {
        if child == issuer {
            return None;
        }
        let (c, i) = (self.cert(child)?, self.cert(issuer)?);
        names::link_fit(c, i).map(i64::from)
    }

    /// Adjusts a link's quality by its signature.
    fn signed_quality(&mut self, child: Ix, issuer: Ix, q: i64) -> i64 {
        match self.signature(child, issuer) {
            Some(Verification::Valid) => q + 4,
            Some(Verification::Invalid) => q - 8,
            _ => q,
        }
    }

    fn candidates(&mut self, child: Ix, path: &[Ix]) -> Vec<(Ix, i64)> {
        let mut out = Vec::new();
        for n in 0..self.all.len() {
            if path.contains(&n) {
                continue;
            }
            if let Some(q) = self.link(child, n) {
                out.push((n, q));
            }
        }
        if out.len() > 1 {
            for c in &mut out {
                c.1 = self.signed_quality(child, c.0, c.1);
            }
        }
        // Roots first, then better links, then presentation order.
        out.sort_by_key(|&(n, q)| (core::cmp::Reverse(self.is_root(n)), core::cmp::Reverse(q), n));
        out
    }

    fn pick_leaf(&self) -> Ix {
        let bundle = 0..self.bundle_unique;
        if let Some(n) = bundle.clone().find(|&n| self.cert(n).is_some_and(|c| !c.is_ca())) {
            return n;
        }
        let issues_none = |n: Ix| {
            let Some(c) = self.cert(n) else { return false };
            !(0..self.bundle_unique).any(|m| m != n && self.cert(m).is_some_and(|o| names::link_fit(o, c).is_some()))
        };
        bundle.clone().find(|&n| issues_none(n)).unwrap_or(0)
    }

    fn terminal_class(&self, top: Ix) -> (u8, Termination) {
        if self.is_root(top) || self.equals_root(top) {
            (3, Termination::TrustAnchor)
        } else if self.cert(top).is_some_and(Certificate::is_self_issued) {
            (2, Termination::SelfIssued)
        } else {
            (1, Termination::Incomplete)
        }
    }

    fn score(&self, path: &[Ix], quality: i64) -> Score {
        let top = path.last().copied().unwrap_or(0);
        Score {
            class: self.terminal_class(top).0,
            used: path.iter().filter(|&&n| !self.is_root(n)).count(),
            quality,
            shortness: -(path.len() as i64),
        }
    }

    fn search(&mut self) -> (Vec<Ix>, bool) {
        let leaf = self.pick_leaf();
        let mut best: Option<(Score, Vec<Ix>)> = None;
        let mut depth_limited = false;
        let mut path = vec![leaf];
        self.dfs(&mut path, 0, &mut best, &mut depth_limited);
        let path = best.map(|(_, p)| p).unwrap_or_else(|| vec![leaf]);
        (path, depth_limited)
    }

    fn dfs(&mut self, path: &mut Vec<Ix>, quality: i64, best: &mut Option<(Score, Vec<Ix>)>, cut: &mut bool) {
        let Some(&top) = path.last() else { return };
        let terminal = self.is_root(top) || self.equals_root(top);
        let self_issued = self.cert(top).is_some_and(Certificate::is_self_issued);
        if !terminal && !self_issued {
            if path.len() >= MAX_DEPTH {
                *cut = true;
            } else {
                for (n, q) in self.candidates(top, path) {
                    if self.expansions >= MAX_EXPANSIONS {
                        self.budget_exhausted = true;
                        break;
                    }
                    self.expansions += 1;
                    path.push(n);
                    self.dfs(path, quality + q, best, cut);
                    path.pop();
                    if self.perfect(best) {
                        return;
                    }
                }
            }
        }
        let score = self.score(path, quality);
        if best.as_ref().map_or(true, |(s, _)| score > *s) {
            *best = Some((score, path.clone()));
        }
    }

    /// An anchored path that uses every presented certificate: nothing better exists.
    fn perfect(&self, best: &Option<(Score, Vec<Ix>)>) -> bool {
        best.as_ref()
            .is_some_and(|(s, _)| (s.class == 3 || (s.class == 2 && !self.roots_given)) && s.used == self.bundle_unique)
    }

    fn given_order(&mut self) -> (Vec<Ix>, bool) {
        let mut path: Vec<Ix> = (0..self.bundle_unique).collect();
        let mut cut = false;
        if path.len() > MAX_DEPTH {
            path.truncate(MAX_DEPTH);
            cut = true;
        }
        // Complete the top from the roots when it is not already an anchor.
        if let Some(&top) = path.last() {
            let anchored = self.equals_root(top) || self.cert(top).is_some_and(Certificate::is_self_issued);
            if !anchored && self.roots_given {
                let root = (self.bundle_unique..self.all.len())
                    .filter_map(|r| self.link(top, r).map(|q| (r, q)))
                    .max_by_key(|&(r, q)| (q, core::cmp::Reverse(r)));
                if let Some((r, _)) = root {
                    path.push(r);
                }
            }
        }
        (path, cut)
    }

    fn finish(mut self, path: Vec<Ix>, depth_limited: bool) -> Plan {
        let top = path.last().copied().unwrap_or(0);
        let termination = self.terminal_class(top).1;
        let origins: Vec<Origin> = path.iter().filter_map(|&n| self.origins.get(n).copied()).collect();
        let mut unrelated = Vec::new();
        let mut alternatives = Vec::new();
        for n in 0..self.bundle_unique {
            if path.contains(&n) {
                continue;
            }
            let Some(Origin::Bundle(pos)) = self.origins.get(n).copied() else { continue };
            if path.iter().any(|&p| self.link(p, n).is_some()) {
                alternatives.push(pos);
            } else {
                unrelated.push(pos);
            }
        }
        Plan {
            origins,
            termination,
            roots_given: self.roots_given,
            duplicates: self.duplicates,
            unrelated,
            alternatives,
            depth_limited,
            budget_exhausted: self.budget_exhausted,
        }
    }
}

/// The outcome of path building, before the certificates are moved into the chain.
struct Plan {
    origins: Vec<Origin>,
    termination: Termination,
    roots_given: bool,
    duplicates: Vec<(usize, usize)>,
    unrelated: Vec<usize>,
    alternatives: Vec<usize>,
    depth_limited: bool,
    budget_exhausted: bool,
}

impl Plan {
    fn into_chain(self, kept_order: bool, bundle: Vec<Certificate>, roots: Vec<Certificate>) -> Chain {
        let presented = bundle.len();
        let mut bundle: Vec<Option<Certificate>> = bundle.into_iter().map(Some).collect();
        let mut roots: Vec<Option<Certificate>> = roots.into_iter().map(Some).collect();
        let mut take = |o: Origin| -> Option<Certificate> {
            match o {
                Origin::Bundle(i) => bundle.get_mut(i).and_then(Option::take),
                Origin::Root(i) => roots.get_mut(i).and_then(Option::take),
            }
        };
        let certs: Vec<Certificate> = self.origins.iter().filter_map(|&o| take(o)).collect();
        let unrelated = self.unrelated.iter().filter_map(|&p| take(Origin::Bundle(p)).map(|c| (p, c))).collect();
        Chain {
            certs,
            origins: self.origins,
            termination: self.termination,
            roots_given: self.roots_given,
            presented,
            duplicates: self.duplicates,
            unrelated,
            alternatives: self.alternatives,
            kept_order,
            depth_limited: self.depth_limited,
            budget_exhausted: self.budget_exhausted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::*;
    use super::*;
    use crate::oid::ext;
    use crate::{Policy, Status};
    use alloc::{format, vec, vec::Vec};
    extern crate std;

    fn cn(c: &Certificate) -> alloc::string::String {
        engine::label(c)
    }

    fn path_names(c: &Chain) -> Vec<alloc::string::String> {
        c.certificates().iter().map(cn).collect()
    }

    #[test]
    fn empty_bundle_is_an_error() {
        assert!(matches!(Chain::from_unordered(Vec::new()), Err(Error::Empty)));
        assert!(matches!(Chain::new(Vec::new()), Err(Error::Empty)));
    }

    #[test]
    fn scrambled_bundle_is_ordered() {
        let (r, i, l) = abc();
        let c = Chain::from_unordered(vec![r.self_signed(), l.by(&i), i.by(&r)]).unwrap();
        assert_eq!(path_names(&c), ["example.com", "Issuing CA", "Root A"]);
        assert_eq!(c.presented_positions().collect::<Vec<_>>(), [1, 2, 0]);
        assert_eq!(c.termination(), Termination::SelfIssued);
        assert!(c.unrelated().is_empty() && c.duplicates().is_empty());
        assert!(c.is_anchor(2) && !c.is_anchor(1));
    }

    #[test]
    fn roots_complete_the_path() {
        let (r, i, l) = abc();
        let c = Chain::builder(vec![i.by(&r), l.by(&i)]).roots(vec![r.self_signed()]).build().unwrap();
        assert_eq!(path_names(&c), ["example.com", "Issuing CA", "Root A"]);
        assert_eq!(c.origin(2), Some(Origin::Root(0)));
        assert_eq!(c.termination(), Termination::TrustAnchor);
        // In the given order too.
        let c = Chain::builder(vec![l.by(&i), i.by(&r)]).roots(vec![r.self_signed()]).keep_order().build().unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c.termination(), Termination::TrustAnchor);
    }

    #[test]
    fn cross_signed_paths() {
        let (a, i, l) = abc();
        let b = Node::root("Root B", 5);
        // "Root A" cross-signed by "Root B": A's name and key, B's signature.
        let cross = Node::sub("Root A", 1, &b).with(|bl| bl.without_ext(&ext::EXT_KEY_USAGE));
        let bundle = || vec![l.by(&i), i.by(&a), cross.by(&b)];
        // Only the old root B is trusted: the path goes through the cross-certificate.
        let c = Chain::builder(bundle()).roots(vec![b.self_signed()]).build().unwrap();
        assert_eq!(path_names(&c), ["example.com", "Issuing CA", "Root A", "Root B"]);
        assert_eq!(c.termination(), Termination::TrustAnchor);
        // Only the new root A is trusted: the cross-certificate carries A's name and key,
        // so it stands for the anchor; nothing is unrelated.
        let c = Chain::builder(bundle()).roots(vec![a.self_signed()]).build().unwrap();
        assert_eq!(path_names(&c), ["example.com", "Issuing CA", "Root A"]);
        assert_eq!(c.origin(2), Some(Origin::Bundle(2)));
        assert_eq!(c.termination(), Termination::TrustAnchor);
        assert!(c.unrelated().is_empty());
        // With A's self-signed certificate sent as well, the cross-certificate is an
        // alternative issuer, not unrelated.
        let c = Chain::builder(vec![l.by(&i), i.by(&a), a.self_signed(), cross.by(&b)]).build().unwrap();
        assert_eq!(path_names(&c), ["example.com", "Issuing CA", "Root A"]);
        assert!(c.unrelated().is_empty());
        assert_eq!(c.alternatives().len(), 1);
        // Both trusted: the path stops at the first trusted name and key.
        let c = Chain::builder(bundle()).roots(vec![a.self_signed(), b.self_signed()]).build().unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c.termination(), Termination::TrustAnchor);
        let report = Policy::webpki().lint_chain(&c, &ctx());
        assert!(report.get("community.chain_unrelated_certificate").is_some_and(|f| f.status() == Status::Pass));
    }

    #[test]
    fn candidate_issuers_by_key_identifier_and_signature() {
        let r = Node::root("Root A", 1);
        // Two CAs with the same name and different keys (a rekey).
        let old = Node::sub("Issuing CA", 2, &r);
        let new = Node::sub("Issuing CA", 6, &r);
        let l = Node::leaf(&["example.com"], 3, &new);
        let c = Chain::from_unordered(vec![l.by(&new), old.by(&r), new.by(&r)]).unwrap();
        assert_eq!(c.presented_positions().collect::<Vec<_>>()[..2], [0, 2]);
        assert_eq!(c.alternatives(), [1]);
        // Without key identifiers, the signature decides.
        let bare = l.with(|b| b.without_ext(&ext::AUTHORITY_KEY_IDENTIFIER));
        let v = P256Test;
        let c = Chain::builder(vec![bare.by(&new), old.by(&r), new.by(&r)]).verifier(&v).build().unwrap();
        assert_eq!(c.presented_positions().collect::<Vec<_>>()[..2], [0, 2]);
    }

    #[test]
    fn duplicates_unrelated_and_missing_links() {
        let (r, i, l) = abc();
        let stray = Node::root("Other Root", 9);
        let c = Chain::from_unordered(vec![l.by(&i), i.by(&r), i.by(&r), stray.self_signed()]).unwrap();
        assert_eq!(c.duplicates(), [(2, 1)]);
        assert_eq!(c.unrelated().len(), 1);
        assert_eq!(c.unrelated()[0].0, 3);
        let c = Chain::from_unordered(vec![r.self_signed(), l.by(&i)]).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c.termination(), Termination::Incomplete);
    }

    #[test]
    fn adversarial_bundle_is_bounded() {
        // Forty CAs named A and B issuing each other in every combination, and a leaf:
        // exponentially many paths, none anchored.
        let mut certs = Vec::new();
        let a = |k: u8| Node::root("A", k);
        for k in 0..20u8 {
            let x = Node::sub("A", 10 + k, &Node::root("B", 40 + k))
                .with(|b| b.without_ext(&ext::AUTHORITY_KEY_IDENTIFIER));
            let y = Node::sub("B", 40 + k, &a(10 + k)).with(|b| b.without_ext(&ext::AUTHORITY_KEY_IDENTIFIER));
            certs.push(x.by(&y));
            certs.push(y.by(&x));
        }
        let issuer = Node::sub("A", 10, &Node::root("B", 40));
        let leaf = Node::leaf(&["example.com"], 3, &issuer).with(|b| b.without_ext(&ext::AUTHORITY_KEY_IDENTIFIER));
        certs.insert(0, leaf.by(&issuer));
        let start = std::time::Instant::now();
        let c = Chain::from_unordered(certs).unwrap();
        assert!(c.budget_exhausted());
        assert!(c.len() <= MAX_DEPTH);
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
        let report = Policy::webpki().lint_chain(&c, &ctx());
        let f = report.get("rfc5280.chain_incomplete").unwrap();
        assert_eq!(f.status(), Status::Error, "{}", f.message());
        assert!(f.message().contains("work limit"), "{}", f.message());
    }

    /// Ids of the pair and chain findings at error or above.
    fn chain_errors(report: &ChainReport) -> Vec<&'static str> {
        report.chain_report().findings().iter().filter(|f| f.status() >= Status::Error).map(|f| f.rule().id()).collect()
    }

    #[test]
    fn correct_chain_has_no_chain_findings() {
        let (r, i, l) = abc();
        let c = Chain::builder(vec![l.by(&i), i.by(&r)]).roots(vec![r.self_signed()]).build().unwrap();
        let ctx = ctx().with_host("www.example.com").with_purpose(crate::oid::eku::SERVER_AUTH).with_verifier(P256Test);
        let report = Policy::webpki().lint_chain(&c, &ctx);
        let problems: Vec<_> = report.chain_report().problems().map(|f| alloc::format!("{f}")).collect();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(report.certificates().len(), 3);
        assert!(report.get("rfc5280.chain_signature_invalid").is_some_and(|f| f.status() == Status::Pass));
        assert!(!format!("{report}").is_empty());
    }

    #[test]
    fn each_bundle_defect_is_an_error() {
        let (r, i, l) = abc();
        let lint = |certs: Vec<Certificate>, roots: Vec<Certificate>| {
            let c = Chain::builder(certs).roots(roots).build().unwrap();
            chain_errors(&Policy::webpki().lint_chain(&c, &ctx()))
        };
        assert_eq!(lint(vec![i.by(&r), l.by(&i)], vec![r.self_signed()]), ["community.chain_wrong_order"]);
        assert_eq!(
            lint(vec![l.by(&i), l.by(&i), i.by(&r)], vec![r.self_signed()]),
            ["community.chain_duplicate_certificate"]
        );
        let stray = Node::root("Other Root", 9).self_signed();
        assert_eq!(
            lint(vec![l.by(&i), i.by(&r), stray], vec![r.self_signed()]),
            ["community.chain_unrelated_certificate"]
        );
        assert_eq!(lint(vec![l.by(&i)], vec![r.self_signed()]), ["rfc5280.chain_incomplete"]);
        // The root sent along is a warning, not an error.
        let c = Chain::builder(abc_certs()).roots(vec![r.self_signed()]).build().unwrap();
        let report = Policy::webpki().lint_chain(&c, &ctx());
        assert!(chain_errors(&report).is_empty(), "{:?}", chain_errors(&report));
        assert_eq!(report.get("community.chain_root_included").map(|f| f.status()), Some(Status::Warn));
        // Pair defects name the certificate.
        let forged = Chain::new(vec![l.by(&r), i.by(&r)]).unwrap();
        let report = Policy::webpki().lint_chain(&forged, &ctx().with_verifier(P256Test));
        let f = report.get("rfc5280.chain_signature_invalid").unwrap();
        assert_eq!(f.status(), Status::Error);
        assert!(f.message().starts_with("#0 example.com: "), "{}", f.message());
        assert!(report.has_errors());
    }

    #[test]
    fn policy_builders_cover_chain_rules() {
        let p = Policy::webpki()
            .exclude_source(crate::Source::Community)
            .with_severity("rfc5280.chain_incomplete", crate::Severity::Notice);
        assert!(!p.chain_rules().any(|m| m.source() == crate::Source::Community));
        let (_, i, l) = abc();
        let c = Chain::builder(vec![l.by(&i)]).roots(vec![Node::root("X", 9).self_signed()]).build().unwrap();
        let report = p.lint_chain(&c, &ctx());
        assert_eq!(report.get("rfc5280.chain_incomplete").map(|f| f.status()), Some(Status::Notice));
        let merged = Policy::new("mine").extend(&Policy::rfc5280());
        assert_eq!(merged.pair_rules().count(), Policy::rfc5280().pair_rules().count());
    }
}
