//! Policies: named sets of rules, and the engine that applies them.

use alloc::{borrow::Cow, sync::Arc, vec::Vec};

use crate::cert::Certificate;
use crate::cert_type;
use crate::context::Context;
use crate::report::{Finding, Report, Status};
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};

mod sieve;

use sieve::{Block, Key, Sieve, BLOCK};

#[derive(Clone)]
enum RuleRef {
    Static(&'static dyn Rule),
    Shared(Arc<dyn Rule>),
}

impl RuleRef {
    fn get(&self) -> &dyn Rule {
        match self {
            Self::Static(r) => *r,
            Self::Shared(r) => r.as_ref(),
        }
    }
}

/// A rule of the policy.
#[derive(Clone)]
struct Entry {
    meta: &'static RuleMeta,
    rule: RuleRef,
    /// The policy's severity override.
    severity: Option<Severity>,
}

impl Entry {
    fn new(rule: RuleRef) -> Self {
        Self { meta: rule.get().meta(), rule, severity: None }
    }
}

/// A named set of rules with optional severity overrides.
///
/// Build it once and lint many certificates with it: [`Policy::lint`] allocates only the
/// report.
#[derive(Clone)]
pub struct Policy {
    name: Cow<'static, str>,
    entries: Vec<Entry>,
    /// The entries' scopes, dates and needs, as the engine tests them. Every edit rebuilds
    /// it, in time proportional to the rules times their distinct dates (a policy is
    /// built once and lints many certificates).
    sieve: Sieve,
    /// The pair and chain rules (see `Policy::lint_chain`).
    pub(crate) chain_rules: crate::chain::ChainRules,
}

impl core::fmt::Debug for Policy {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Policy").field("name", &self.name).field("rules", &self.entries.len()).finish()
    }
}

/// The built-in policy names.
pub const POLICIES: [&str; 9] =
    ["rfc5280", "cabf_tls_br", "cabf_ev", "mozilla", "chrome", "apple", "community", "webpki", "all"];

impl Policy {
    /// An empty policy.
    pub fn new(name: impl Into<Cow<'static, str>>) -> Self {
        Self { name: name.into(), entries: Vec::new(), sieve: Sieve::default(), chain_rules: Default::default() }
    }

    fn from_sources(name: &'static str, sources: &[Source]) -> Self {
        let entries = crate::rules::registry()
            .filter(|r| sources.contains(&r.meta().source()))
            .map(|r| Entry::new(RuleRef::Static(r)));
        Self {
            name: Cow::Borrowed(name),
            entries: entries.collect(),
            sieve: Sieve::default(),
            chain_rules: crate::chain::ChainRules::from_sources(sources),
        }
        .sifted()
    }

    /// A built-in policy by name (see [`POLICIES`]).
    pub fn by_name(name: &str) -> Option<Self> {
        Some(match name {
            "rfc5280" => Self::rfc5280(),
            "cabf_tls_br" => Self::cabf_tls_br(),
            "cabf_ev" => Self::cabf_ev(),
            "mozilla" => Self::mozilla(),
            "chrome" => Self::chrome(),
            "apple" => Self::apple(),
            "community" => Self::community(),
            "webpki" => Self::webpki(),
            "all" => Self::all(),
            _ => return None,
        })
    }

    /// RFC 5280 and its companion RFCs.
    pub fn rfc5280() -> Self {
        Self::from_sources("rfc5280", &[Source::Rfc5280])
    }
    /// The CA/Browser Forum TLS Baseline Requirements.
    pub fn cabf_tls_br() -> Self {
        Self::from_sources("cabf_tls_br", &[Source::CabfBr])
    }
    /// The EV Guidelines.
    pub fn cabf_ev() -> Self {
        Self::from_sources("cabf_ev", &[Source::CabfEv])
    }
    /// Mozilla's root store policy.
    pub fn mozilla() -> Self {
        Self::from_sources("mozilla", &[Source::Mozilla])
    }
    /// Chrome's root program and CT policies.
    pub fn chrome() -> Self {
        Self::from_sources("chrome", &[Source::Chrome])
    }
    /// Apple's root program and CT policies.
    pub fn apple() -> Self {
        Self::from_sources("apple", &[Source::Apple])
    }
    /// Community practice.
    pub fn community() -> Self {
        Self::from_sources("community", &[Source::Community])
    }
    /// Everything a publicly trusted TLS certificate answers to: RFC 5280, the TLS BRs,
    /// the EV Guidelines, the root programs and community practice.
    pub fn webpki() -> Self {
        Self::from_sources(
            "webpki",
            &[
                Source::Rfc5280,
                Source::CabfBr,
                Source::CabfEv,
                Source::Mozilla,
                Source::Chrome,
                Source::Apple,
                Source::Community,
            ],
        )
    }
    /// Every rule in the registry.
    pub fn all() -> Self {
        Self::from_sources("all", &Source::BUILT_IN)
    }

    /// The policy's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rules, in order.
    pub fn rules(&self) -> impl Iterator<Item = &'static RuleMeta> + '_ {
        self.entries.iter().map(|e| e.meta)
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the policy has no rules.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a rule (a downstream crate's own, usually).
    pub fn with_rule(mut self, rule: impl Rule) -> Self {
        self.entries.push(Entry::new(RuleRef::Shared(Arc::new(rule))));
        self.sifted()
    }

    /// Adds a built-in or static rule.
    pub fn with_static_rule(mut self, rule: &'static dyn Rule) -> Self {
        self.entries.push(Entry::new(RuleRef::Static(rule)));
        self.sifted()
    }

    /// Adds every rule of another policy that this one lacks.
    pub fn extend(mut self, other: &Policy) -> Self {
        for e in &other.entries {
            let id = e.meta.id();
            if !self.rules().any(|m| m.id() == id) {
                self.entries.push(e.clone());
            }
        }
        self.chain_rules.extend(&other.chain_rules);
        self.sifted()
    }

    /// Removes the rules answering to `name`: an id, or an alias such as
    /// `zlint:e_ca_common_name_missing` (the prefix may be left out).
    pub fn exclude(mut self, name: &str) -> Self {
        self.entries.retain(|e| !e.meta.answers_to(name));
        self.chain_rules.exclude(name);
        self.sifted()
    }

    /// Removes every rule of a source.
    pub fn exclude_source(mut self, source: Source) -> Self {
        self.entries.retain(|e| e.meta.source() != source);
        self.chain_rules.exclude_source(source);
        self.sifted()
    }

    /// Reports failures of the rules answering to `name` at `severity` instead.
    pub fn with_severity(mut self, name: &str, severity: Severity) -> Self {
        for e in &mut self.entries {
            if e.meta.answers_to(name) {
                e.severity = Some(severity);
            }
        }
        self.chain_rules.with_severity(name, severity);
        self
    }

    /// Lints one certificate.
    pub fn lint(&self, cert: &Certificate, ctx: &Context) -> Report {
        let cert_type = ctx.cert_type().unwrap_or_else(|| cert_type::detect(cert));
        let key = self.sieve.key(cert, cert_type, cert.not_before());
        let mut findings = Vec::with_capacity(self.entries.len());
        run_all(&self.entries, &mut findings, |from, out| self.run(from, &key, ctx, out));
        Report { cert_type, findings }
    }

    /// The policy with its sieve rebuilt for its entries (after every edit).
    fn sifted(mut self) -> Self {
        self.sieve = Sieve::new(self.entries.iter().map(|e| e.meta));
        self
    }

    /// Appends the findings of the entries from `from` on, in order: the sieve settles
    /// the rules it closes, and the others are called.
    fn run(&self, from: usize, key: &Key<'_>, ctx: &Context, out: &mut Vec<Finding>) {
        let blocks = self.entries.chunks(BLOCK).enumerate().skip(from / BLOCK);
        for (b, entries) in blocks {
            let Block { call, not_effective } = self.sieve.block(b, key);
            let skip = from.saturating_sub(b * BLOCK);
            for (j, entry) in entries.iter().enumerate().skip(skip) {
                let bit = 1 << j;
                out.push(if call & bit != 0 {
                    call_rule(entry, key.cert(), ctx)
                } else if not_effective & bit != 0 {
                    Finding::new(entry.meta, Status::NotEffective)
                } else {
                    Finding::new(entry.meta, Status::NotApplicable)
                });
            }
        }
    }
}

/// Runs `run(from, out)`, which appends one finding per entry from `from` on. A rule's
/// contract is not to panic; if one does anyway (std only), its finding is a fatal one
/// and the certificate is still linted by the rules after it.
///
/// The whole run is under one `catch_unwind` (one per rule cost more than most rules). A
/// panic leaves `out` holding one finding per entry before the culprit, whose position
/// it therefore gives: its fatal finding is appended and the run resumes with the next
/// entry under a fresh guard. No rule runs twice.
#[cfg(feature = "std")]
fn run_all(entries: &[Entry], out: &mut Vec<Finding>, run: impl Fn(usize, &mut Vec<Finding>)) {
    let mut from = 0;
    while from < entries.len() {
        let finished = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(from, out)));
        if finished.is_ok() {
            return;
        }
        let Some(culprit) = entries.get(out.len()) else { return };
        out.push(Finding::panicked(culprit.meta));
        from = out.len();
    }
}

#[cfg(not(feature = "std"))]
fn run_all(_: &[Entry], out: &mut Vec<Finding>, run: impl Fn(usize, &mut Vec<Finding>)) {
    run(0, out);
}

/// The finding of a rule the sieve leaves open.
fn call_rule(entry: &Entry, cert: &Certificate, ctx: &Context) -> Finding {
    let meta = entry.meta;
    match entry.rule.get().check(cert, ctx) {
        Outcome::Pass => Finding::new(meta, Status::Pass),
        Outcome::NotApplicable => Finding::new(meta, Status::NotApplicable),
        Outcome::Fail(f) => {
            let sev = entry.severity.or(f.severity).unwrap_or(meta.severity());
            Finding::failed(meta, sev.status(), f.message, f.path)
        }
    }
}

/// Whether a rule is in force for a certificate: in scope and in effect, its need aside
/// (tests use it to hold rules to their declared [`Need`](crate::Need)).
#[cfg(test)]
pub(crate) fn in_force(meta: &RuleMeta, cert: &Certificate, ctx: &Context) -> bool {
    let cert_type = ctx.cert_type().unwrap_or_else(|| cert_type::detect(cert));
    sieve::in_force(meta, cert_type, cert.not_before())
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::testutil::CertBuilder;
    use alloc::string::{String, ToString};

    struct Passes;
    impl Rule for Passes {
        fn meta(&self) -> &'static RuleMeta {
            static META: RuleMeta = RuleMeta::new("test.passes", Source::Custom("test"), Severity::Error);
            &META
        }
        fn check(&self, _: &Certificate, _: &Context) -> Outcome {
            Outcome::Pass
        }
    }

    struct Fails;
    impl Rule for Fails {
        fn meta(&self) -> &'static RuleMeta {
            static META: RuleMeta = RuleMeta::new("test.fails", Source::Custom("test"), Severity::Warn);
            &META
        }
        fn check(&self, _: &Certificate, _: &Context) -> Outcome {
            Outcome::fail("always")
        }
    }

    struct Panics;
    impl Rule for Panics {
        fn meta(&self) -> &'static RuleMeta {
            static META: RuleMeta = RuleMeta::new("test.panics", Source::Custom("test"), Severity::Error);
            &META
        }
        #[allow(clippy::panic)]
        fn check(&self, _: &Certificate, _: &Context) -> Outcome {
            panic!("test rule panics")
        }
    }

    fn statuses(policy: &Policy) -> Vec<(&'static str, Status, String)> {
        let cert = CertBuilder::leaf().build();
        let report = policy.lint(&cert, &Context::default());
        report.findings().iter().map(|f| (f.rule().id(), f.status(), f.message().to_string())).collect()
    }

    #[test]
    fn a_panicking_rule_is_fatal_and_the_others_still_run() {
        let fatal = || (Status::Fatal, "internal error: the rule panicked on this input".to_string());
        // Long shapes put panics on both sides of a block boundary and deep in a block.
        let long = [&[b'a'; 63][..], b"pp", &[b'a'; 40], b"p", &[b'a'; 30], b"f"].concat();
        let shapes: [&[u8]; 8] = [b"p", b"pp", b"ap", b"pa", b"apfpa", b"ppfppa", &long, &long[1..]];
        for shape in shapes {
            let mut policy = Policy::new("t");
            let mut want = Vec::new();
            for c in shape {
                match c {
                    b'p' => {
                        policy = policy.with_rule(Panics);
                        let (s, m) = fatal();
                        want.push(("test.panics", s, m));
                    }
                    b'f' => {
                        policy = policy.with_rule(Fails);
                        want.push(("test.fails", Status::Warn, "always".to_string()));
                    }
                    _ => {
                        policy = policy.with_rule(Passes);
                        want.push(("test.passes", Status::Pass, String::new()));
                    }
                }
            }
            assert_eq!(statuses(&policy), want, "{}", String::from_utf8_lossy(shape));
        }
    }

    #[test]
    fn entries_keep_their_metadata_through_edits() {
        let policy = Policy::new("t").with_rule(Passes).with_rule(Fails).with_severity("test.fails", Severity::Error);
        assert_eq!(policy.rules().map(|m| m.id()).collect::<Vec<_>>(), ["test.passes", "test.fails"]);
        assert_eq!(statuses(&policy)[1].1, Status::Error);
        assert_eq!(statuses(&policy.exclude("test.passes")).len(), 1);
    }
}
