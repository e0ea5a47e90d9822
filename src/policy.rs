//! Policies: named sets of rules, and the engine that applies them.

use alloc::{borrow::Cow, sync::Arc, vec::Vec};

use crate::cert::{needs, Certificate, NeedBits};
use crate::cert_type::{self, CertType, Scope};
use crate::context::Context;
use crate::report::{Finding, Report, Status};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;

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

/// One cache line each (the fields fit 64 bytes), so that the engine's pass over the
/// entries reads each rule's on one line.
#[derive(Clone)]
#[repr(align(64))]
struct Entry {
    /// The rule's scope, dates and need, copied out of its metadata: the engine reads
    /// them for every rule and certificate, and the metadata of five hundred rules lie
    /// scattered over as many cache lines, while the entries are one array.
    gate: Gate,
    meta: &'static RuleMeta,
    rule: RuleRef,
}

/// When a rule is called: its scope, the half-open range of notBefore it is effective
/// for, in Unix seconds, and what the certificate must contain.
#[derive(Clone, Copy)]
struct Gate {
    /// The policy's severity override (not read by the gate; kept here, where the
    /// layout has room for it).
    severity: Option<Severity>,
    scope: Scope,
    from: i64,
    until: i64,
    need: Want,
}

/// A rule's [`Need`], as the engine tests it. Most needs are one word of the
/// certificate's [`Certificate::presence`] and a mask, tested the same way whatever they
/// ask for (no branch on the kind of need); the others take a slower path.
#[derive(Clone, Copy)]
struct Want {
    /// The word of the presence, or [`SLOW`].
    word: u8,
    /// With [`SLOW`]: the index of the need's bits in [`Policy::needs`], or [`OTHER`] for
    /// a need without bits, compared by identifier.
    slow: u16,
    mask: u32,
}

/// See [`Want::word`].
const SLOW: u8 = u8::MAX;
/// See [`Want::slow`].
const OTHER: u16 = u16::MAX;

impl Want {
    /// The want of `need`, adding its bits to `table` when they do not fit one word.
    fn of(need: Need, table: &mut Vec<NeedBits>) -> Self {
        let Some(bits) = NeedBits::of(need) else {
            return match need {
                Need::Nothing => Self { word: needs::ALWAYS, slow: 0, mask: 1 },
                _ => Self { word: SLOW, slow: OTHER, mask: 0 },
            };
        };
        if let Some((word, mask)) = bits.word() {
            return Self { word, slow: 0, mask };
        }
        let at = table.iter().position(|b| *b == bits).unwrap_or_else(|| {
            table.push(bits);
            table.len() - 1
        });
        Self { word: SLOW, slow: u16::try_from(at).ok().filter(|&i| i != OTHER).unwrap_or(OTHER), mask: 0 }
    }
}

impl Entry {
    fn new(rule: RuleRef, needs: &mut Vec<NeedBits>) -> Self {
        let meta = rule.get().meta();
        Self { gate: Gate::of(meta, needs), meta, rule }
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
    /// The bits of the entries' needs that do not fit one word (see [`Want::slow`]).
    needs: Vec<NeedBits>,
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
        Self { name: name.into(), entries: Vec::new(), needs: Vec::new(), chain_rules: Default::default() }
    }

    fn from_sources(name: &'static str, sources: &[Source]) -> Self {
        let mut needs = Vec::new();
        let entries = crate::rules::registry()
            .filter(|r| sources.contains(&r.meta().source()))
            .map(|r| Entry::new(RuleRef::Static(r), &mut needs))
            .collect();
        Self { name: Cow::Borrowed(name), entries, needs, chain_rules: crate::chain::ChainRules::from_sources(sources) }
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
        self.entries.push(Entry::new(RuleRef::Shared(Arc::new(rule)), &mut self.needs));
        self
    }

    /// Adds a built-in or static rule.
    pub fn with_static_rule(mut self, rule: &'static dyn Rule) -> Self {
        self.entries.push(Entry::new(RuleRef::Static(rule), &mut self.needs));
        self
    }

    /// Adds every rule of another policy that this one lacks.
    pub fn extend(mut self, other: &Policy) -> Self {
        for e in &other.entries {
            let id = e.meta.id();
            if !self.rules().any(|m| m.id() == id) {
                // Its gate's bits index the other policy's table.
                let gate = Gate { severity: e.gate.severity, ..Gate::of(e.meta, &mut self.needs) };
                self.entries.push(Entry { gate, ..e.clone() });
            }
        }
        self.chain_rules.extend(&other.chain_rules);
        self
    }

    /// Removes the rules answering to `name`: an id, or an alias such as
    /// `zlint:e_ca_common_name_missing` (the prefix may be left out).
    pub fn exclude(mut self, name: &str) -> Self {
        self.entries.retain(|e| !e.meta.answers_to(name));
        self.chain_rules.exclude(name);
        self
    }

    /// Removes every rule of a source.
    pub fn exclude_source(mut self, source: Source) -> Self {
        self.entries.retain(|e| e.meta.source() != source);
        self.chain_rules.exclude_source(source);
        self
    }

    /// Reports failures of the rules answering to `name` at `severity` instead.
    pub fn with_severity(mut self, name: &str, severity: Severity) -> Self {
        for e in &mut self.entries {
            if e.meta.answers_to(name) {
                e.gate.severity = Some(severity);
            }
        }
        self.chain_rules.with_severity(name, severity);
        self
    }

    /// Lints one certificate.
    pub fn lint(&self, cert: &Certificate, ctx: &Context) -> Report {
        let cert_type = ctx.cert_type().unwrap_or_else(|| cert_type::detect(cert));
        let not_before = cert.not_before();
        let mut findings = Vec::with_capacity(self.entries.len());
        let presence = cert.presence();
        run_all(&self.entries, &mut findings, |entry| {
            evaluate(entry, &self.needs, presence, cert, ctx, cert_type, not_before)
        });
        Report { cert_type, findings }
    }
}

/// The finding of a rule that panicked.
#[cfg(feature = "std")]
fn panicked(meta: &'static RuleMeta) -> Finding {
    Finding::failed(meta, Status::Fatal, Cow::Borrowed("internal error: the rule panicked on this input"), None)
}

/// Appends `eval(entry)` for every entry, in order. A rule's contract is not to panic; if
/// one does anyway (std only), its finding is a fatal one and the certificate is still
/// linted by the rules after it.
///
/// The whole loop runs under one `catch_unwind` (one per rule cost more than most rules).
/// A panic leaves `out` holding the findings of the rules before the culprit, whose
/// position it therefore gives: its fatal finding is appended and the loop resumes with
/// the next rule under a fresh guard. No rule runs twice.
#[cfg(feature = "std")]
fn run_all(entries: &[Entry], out: &mut Vec<Finding>, eval: impl Fn(&Entry) -> Finding) {
    let mut rest = entries;
    while !rest.is_empty() {
        let before = out.len();
        let finished = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for entry in rest {
                out.push(eval(entry));
            }
        }));
        if finished.is_ok() {
            return;
        }
        let done = out.len().saturating_sub(before);
        let Some(culprit) = rest.get(done) else { return };
        out.push(panicked(culprit.meta));
        rest = rest.get(done + 1..).unwrap_or_default();
    }
}

#[cfg(not(feature = "std"))]
fn run_all(entries: &[Entry], out: &mut Vec<Finding>, eval: impl Fn(&Entry) -> Finding) {
    out.extend(entries.iter().map(eval));
}

fn evaluate(
    entry: &Entry,
    needs: &[NeedBits],
    presence: &[u32; needs::WORDS],
    cert: &Certificate,
    ctx: &Context,
    cert_type: CertType,
    not_before: Option<Time>,
) -> Finding {
    let meta = entry.meta;
    if let Some(status) = entry.gate.closed(meta, needs, presence, cert, cert_type, not_before) {
        return Finding::new(meta, status);
    }
    match entry.rule.get().check(cert, ctx) {
        Outcome::Pass => Finding::new(meta, Status::Pass),
        Outcome::NotApplicable => Finding::new(meta, Status::NotApplicable),
        Outcome::Fail(f) => {
            let sev = entry.gate.severity.or(f.severity).unwrap_or(meta.severity());
            Finding::failed(meta, sev.status(), f.message, f.path)
        }
    }
}

impl Gate {
    fn of(meta: &RuleMeta, needs: &mut Vec<NeedBits>) -> Self {
        Self {
            severity: None,
            scope: meta.applies_to(),
            from: meta.effective_date().map_or(i64::MIN, Time::unix),
            until: meta.ineffective_date().map_or(i64::MAX, Time::unix),
            need: Want::of(meta.need(), needs),
        }
    }

    /// The status of a rule the engine does not call on this certificate, or None when it
    /// calls it.
    #[inline]
    fn closed(
        &self,
        meta: &RuleMeta,
        needs: &[NeedBits],
        presence: &[u32; needs::WORDS],
        cert: &Certificate,
        cert_type: CertType,
        nb: Option<Time>,
    ) -> Option<Status> {
        if !self.scope.contains(cert_type) {
            return Some(Status::NotApplicable);
        }
        // A certificate whose notBefore cannot be read is held to every rule: the rule
        // about the broken validity reports it, and guessing "too old to matter" would
        // hide defects.
        if let Some(nb) = nb.map(Time::unix) {
            if nb < self.from || nb >= self.until {
                return Some(Status::NotEffective);
            }
        }
        let want = self.need;
        let lacking = match presence.get(usize::from(want.word)) {
            Some(word) => word & want.mask == 0,
            None if want.slow == OTHER => cert.lacks(meta.need()),
            None => needs.get(usize::from(want.slow)).is_some_and(|b| cert.lacks_bits(b)),
        };
        lacking.then_some(Status::NotApplicable)
    }
}

/// Whether a rule is in force for a certificate: in scope and in effect, its need aside
/// (tests use it to hold rules to their declared [`Need`]).
#[cfg(test)]
pub(crate) fn in_force(meta: &RuleMeta, cert: &Certificate, ctx: &Context) -> bool {
    let cert_type = ctx.cert_type().unwrap_or_else(|| cert_type::detect(cert));
    let gate = Gate { need: Want::of(Need::Nothing, &mut Vec::new()), ..Gate::of(meta, &mut Vec::new()) };
    gate.closed(meta, &[], cert.presence(), cert, cert_type, cert.not_before()).is_none()
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
        let shapes: [&[u8]; 6] = [b"p", b"pp", b"ap", b"pa", b"apfpa", b"ppfppa"];
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
