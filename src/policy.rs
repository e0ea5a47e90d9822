//! Policies: named sets of rules, and the engine that applies them.

use alloc::{borrow::Cow, sync::Arc, vec::Vec};

use crate::cert::Certificate;
use crate::cert_type::{self, CertType};
use crate::context::Context;
use crate::report::{Finding, Report, Status};
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};

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

#[derive(Clone)]
struct Entry {
    rule: RuleRef,
    severity: Option<Severity>,
}

/// A named set of rules with optional severity overrides.
///
/// Build it once and lint many certificates with it: [`Policy::lint`] allocates only the
/// report.
#[derive(Clone)]
pub struct Policy {
    name: Cow<'static, str>,
    entries: Vec<Entry>,
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
        Self { name: name.into(), entries: Vec::new(), chain_rules: Default::default() }
    }

    fn from_sources(name: &'static str, sources: &[Source]) -> Self {
        let entries = crate::rules::registry()
            .filter(|r| sources.contains(&r.meta().source()))
            .map(|r| Entry { rule: RuleRef::Static(r), severity: None })
            .collect();
        Self { name: Cow::Borrowed(name), entries, chain_rules: crate::chain::ChainRules::from_sources(sources) }
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
        self.entries.iter().map(|e| e.rule.get().meta())
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
        self.entries.push(Entry { rule: RuleRef::Shared(Arc::new(rule)), severity: None });
        self
    }

    /// Adds a built-in or static rule.
    pub fn with_static_rule(mut self, rule: &'static dyn Rule) -> Self {
        self.entries.push(Entry { rule: RuleRef::Static(rule), severity: None });
        self
    }

    /// Adds every rule of another policy that this one lacks.
    pub fn extend(mut self, other: &Policy) -> Self {
        for e in &other.entries {
            let id = e.rule.get().meta().id();
            if !self.rules().any(|m| m.id() == id) {
                self.entries.push(e.clone());
            }
        }
        self.chain_rules.extend(&other.chain_rules);
        self
    }

    /// Removes the rules answering to `name`: an id, or an alias such as
    /// `zlint:e_ca_common_name_missing` (the prefix may be left out).
    pub fn exclude(mut self, name: &str) -> Self {
        self.entries.retain(|e| !e.rule.get().meta().answers_to(name));
        self.chain_rules.exclude(name);
        self
    }

    /// Removes every rule of a source.
    pub fn exclude_source(mut self, source: Source) -> Self {
        self.entries.retain(|e| e.rule.get().meta().source() != source);
        self.chain_rules.exclude_source(source);
        self
    }

    /// Reports failures of the rules answering to `name` at `severity` instead.
    pub fn with_severity(mut self, name: &str, severity: Severity) -> Self {
        for e in &mut self.entries {
            if e.rule.get().meta().answers_to(name) {
                e.severity = Some(severity);
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
        for entry in &self.entries {
            let rule = entry.rule.get();
            findings.push(evaluate(rule, entry.severity, cert, ctx, cert_type, not_before));
        }
        Report { cert_type, findings }
    }
}

fn evaluate(
    rule: &dyn Rule,
    severity: Option<Severity>,
    cert: &Certificate,
    ctx: &Context,
    cert_type: CertType,
    not_before: Option<crate::Time>,
) -> Finding {
    let meta = rule.meta();
    let finding = |status, message, path| Finding { rule: meta, status, message, path };
    if !meta.applies_to().contains(cert_type) {
        return finding(Status::NotApplicable, None, None);
    }
    // A certificate whose notBefore cannot be read is held to every rule: the rule about
    // the broken validity reports it, and guessing "too old to matter" would hide defects.
    if let Some(nb) = not_before {
        let before_start = meta.effective_date().is_some_and(|d| nb < d);
        let after_end = meta.ineffective_date().is_some_and(|d| nb >= d);
        if before_start || after_end {
            return finding(Status::NotEffective, None, None);
        }
    }
    match run(rule, cert, ctx) {
        Some(Outcome::Pass) => finding(Status::Pass, None, None),
        Some(Outcome::NotApplicable) => finding(Status::NotApplicable, None, None),
        Some(Outcome::Fail(f)) => {
            let sev = severity.or(f.severity).unwrap_or(meta.severity());
            finding(sev.status(), Some(f.message), f.path)
        }
        None => finding(Status::Fatal, Some(Cow::Borrowed("internal error: the rule panicked on this input")), None),
    }
}

/// Runs a check. A rule's contract is not to panic; if one does anyway (std only), the
/// certificate is still linted by the others and the panic becomes a fatal finding.
#[cfg(feature = "std")]
fn run(rule: &dyn Rule, cert: &Certificate, ctx: &Context) -> Option<Outcome> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rule.check(cert, ctx))).ok()
}

#[cfg(not(feature = "std"))]
fn run(rule: &dyn Rule, cert: &Certificate, ctx: &Context) -> Option<Outcome> {
    Some(rule.check(cert, ctx))
}
