//! Chain linting: the pair and chain rules of a policy, and the report.

use alloc::{borrow::Cow, format, string::String, sync::Arc, vec::Vec};
use core::fmt;

use crate::cert::Certificate;
use crate::cert_type::CertType;
use crate::context::Context;
use crate::policy::Policy;
use crate::report::{Finding, Report, Status};
use crate::rule::{Outcome, RuleMeta, Severity, Source};
use crate::time::Time;

use super::{Chain, ChainRule, Pair, PairRule};

#[derive(Clone)]
enum PairRef {
    Static(&'static dyn PairRule),
    Shared(Arc<dyn PairRule>),
}

impl PairRef {
    fn get(&self) -> &dyn PairRule {
        match self {
            Self::Static(r) => *r,
            Self::Shared(r) => r.as_ref(),
        }
    }
}

#[derive(Clone)]
enum ChainRef {
    Static(&'static dyn ChainRule),
    Shared(Arc<dyn ChainRule>),
}

impl ChainRef {
    fn get(&self) -> &dyn ChainRule {
        match self {
            Self::Static(r) => *r,
            Self::Shared(r) => r.as_ref(),
        }
    }
}

/// The pair and chain rules of a [`Policy`], with their severity overrides.
#[derive(Clone, Default)]
pub(crate) struct ChainRules {
    pair: Vec<(PairRef, Option<Severity>)>,
    chain: Vec<(ChainRef, Option<Severity>)>,
}

impl ChainRules {
    /// The built-in pair and chain rules of these sources.
    pub(crate) fn from_sources(sources: &[Source]) -> Self {
        Self {
            pair: crate::rules::chain::pair_rules()
                .filter(|r| sources.contains(&r.meta().source()))
                .map(|r| (PairRef::Static(r), None))
                .collect(),
            chain: crate::rules::chain::chain_rules()
                .filter(|r| sources.contains(&r.meta().source()))
                .map(|r| (ChainRef::Static(r), None))
                .collect(),
        }
    }

    pub(crate) fn exclude(&mut self, name: &str) {
        self.pair.retain(|(r, _)| !r.get().meta().answers_to(name));
        self.chain.retain(|(r, _)| !r.get().meta().answers_to(name));
    }

    pub(crate) fn exclude_source(&mut self, source: Source) {
        self.pair.retain(|(r, _)| r.get().meta().source() != source);
        self.chain.retain(|(r, _)| r.get().meta().source() != source);
    }

    pub(crate) fn with_severity(&mut self, name: &str, severity: Severity) {
        for (r, s) in &mut self.pair {
            if r.get().meta().answers_to(name) {
                *s = Some(severity);
            }
        }
        for (r, s) in &mut self.chain {
            if r.get().meta().answers_to(name) {
                *s = Some(severity);
            }
        }
    }

    pub(crate) fn extend(&mut self, other: &ChainRules) {
        for e in &other.pair {
            let id = e.0.get().meta().id();
            if !self.pair.iter().any(|(r, _)| r.get().meta().id() == id) {
                self.pair.push(e.clone());
            }
        }
        for e in &other.chain {
            let id = e.0.get().meta().id();
            if !self.chain.iter().any(|(r, _)| r.get().meta().id() == id) {
                self.chain.push(e.clone());
            }
        }
    }
}

/// Where a finding of a chain report applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// A certificate of the path (0 = leaf), from the single-certificate rules.
    Certificate(usize),
    /// The link between the certificate at this position and its issuer (pair rules).
    Link(usize),
    /// The chain as a whole.
    Chain,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Certificate(i) => write!(f, "certificate #{i}"),
            Self::Link(i) => write!(f, "link #{i}->#{}", i + 1),
            Self::Chain => f.write_str("chain"),
        }
    }
}

/// The result of linting a chain: a [`Report`] per certificate of the path, the pair
/// rules' findings per link, and the chain rules' findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    certificates: Vec<Report>,
    links: Vec<Vec<Finding>>,
    chain: Vec<Finding>,
    leaf_type: CertType,
}

impl ChainReport {
    /// One report per certificate of the path, leaf first.
    pub fn certificates(&self) -> &[Report] {
        &self.certificates
    }

    /// The pair rules' findings on the certificate at `index` and its issuer.
    pub fn link(&self, index: usize) -> &[Finding] {
        self.links.get(index).map_or(&[], Vec::as_slice)
    }

    /// The chain rules' findings.
    pub fn chain_findings(&self) -> &[Finding] {
        &self.chain
    }

    /// Every finding with its place: certificates first, then links, then the chain.
    pub fn findings(&self) -> impl Iterator<Item = (Place, &Finding)> {
        let certs = self
            .certificates
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.findings().iter().map(move |f| (Place::Certificate(i), f)));
        let links = self.links.iter().enumerate().flat_map(|(i, l)| l.iter().map(move |f| (Place::Link(i), f)));
        certs.chain(links).chain(self.chain.iter().map(|f| (Place::Chain, f)))
    }

    /// The findings at notice or above.
    pub fn problems(&self) -> impl Iterator<Item = (Place, &Finding)> {
        self.findings().filter(|(_, f)| f.status().is_problem())
    }

    /// The pair and chain findings together as one report (what `lint --chain` prints as
    /// the `"chain": true` object). Pair findings name their certificate in the message.
    pub fn chain_report(&self) -> Report {
        let findings = self.links.iter().flatten().chain(self.chain.iter()).cloned().collect();
        Report { cert_type: self.leaf_type, findings }
    }

    /// The gravest finding of a pair or chain rule by id (links and chain only).
    pub fn get(&self, id: &str) -> Option<&Finding> {
        self.links.iter().flatten().chain(self.chain.iter()).filter(|f| f.rule().id() == id).max_by_key(|f| f.status())
    }

    /// The gravest status anywhere.
    pub fn worst(&self) -> Status {
        self.findings().map(|(_, f)| f.status()).max().unwrap_or(Status::NotApplicable)
    }

    /// Whether anything is at error or fatal.
    pub fn has_errors(&self) -> bool {
        self.worst() >= Status::Error
    }
}

impl fmt::Display for ChainReport {
    /// One line per problem, by place; `no problems found` when clean.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut any = false;
        for (place, finding) in self.problems() {
            any = true;
            writeln!(f, "{place}: {finding}")?;
        }
        if !any {
            writeln!(f, "no problems found")?;
        }
        Ok(())
    }
}

/// A short label for a certificate in messages: its CN, or its whole subject.
pub(crate) fn label(cert: &Certificate) -> String {
    match cert.subject() {
        Ok(s) => match s.first(&crate::oid::attr::COMMON_NAME).and_then(|a| a.as_str()) {
            Some(cn) => String::from(cn),
            None => format!("{s}"),
        },
        Err(_) => String::from("(unreadable subject)"),
    }
}

impl Policy {
    /// Adds a pair rule of your own.
    pub fn with_pair_rule(mut self, rule: impl PairRule) -> Self {
        self.chain_rules.pair.push((PairRef::Shared(Arc::new(rule)), None));
        self
    }

    /// Adds a chain rule of your own.
    pub fn with_chain_rule(mut self, rule: impl ChainRule) -> Self {
        self.chain_rules.chain.push((ChainRef::Shared(Arc::new(rule)), None));
        self
    }

    /// Adds a built-in or static pair rule.
    pub fn with_static_pair_rule(mut self, rule: &'static dyn PairRule) -> Self {
        self.chain_rules.pair.push((PairRef::Static(rule), None));
        self
    }

    /// Adds a built-in or static chain rule.
    pub fn with_static_chain_rule(mut self, rule: &'static dyn ChainRule) -> Self {
        self.chain_rules.chain.push((ChainRef::Static(rule), None));
        self
    }

    /// The pair rules, in order.
    pub fn pair_rules(&self) -> impl Iterator<Item = &'static RuleMeta> + '_ {
        self.chain_rules.pair.iter().map(|(r, _)| r.get().meta())
    }

    /// The chain rules, in order.
    pub fn chain_rules(&self) -> impl Iterator<Item = &'static RuleMeta> + '_ {
        self.chain_rules.chain.iter().map(|(r, _)| r.get().meta())
    }

    /// Lints a chain: every certificate of the path with the single-certificate rules
    /// (the context's type override applies to the leaf only), every link with the pair
    /// rules, and the whole with the chain rules.
    pub fn lint_chain(&self, chain: &Chain, ctx: &Context) -> ChainReport {
        let certs = chain.certificates();
        let above_ctx = ctx.without_type();
        let certificates: Vec<Report> =
            certs.iter().enumerate().map(|(i, c)| self.lint(c, if i == 0 { ctx } else { &above_ctx })).collect();
        let type_of = |i: usize| certificates.get(i).map_or(CertType::Other, Report::cert_type);
        let mut links = Vec::with_capacity(certs.len().saturating_sub(1));
        for i in 0..certs.len().saturating_sub(1) {
            let Some(pair) = Pair::new(chain, i) else { continue };
            let (t, nb) = (type_of(i), pair.cert().not_before());
            let prefix = || format!("#{i} {}: ", label(pair.cert()));
            let findings = self
                .chain_rules
                .pair
                .iter()
                .map(|(r, sev)| {
                    let r = r.get();
                    judge(r.meta(), *sev, t, nb, || run_pair(r, &pair, ctx), Some(&prefix))
                })
                .collect();
            links.push(findings);
        }
        let leaf_type = type_of(0);
        let leaf_nb = chain.leaf().and_then(Certificate::not_before);
        let chain_findings = self
            .chain_rules
            .chain
            .iter()
            .map(|(r, sev)| {
                let r = r.get();
                judge(r.meta(), *sev, leaf_type, leaf_nb, || run_chain(r, chain, ctx), None::<&fn() -> String>)
            })
            .collect();
        ChainReport { certificates, links, chain: chain_findings, leaf_type }
    }
}

fn judge<F: Fn() -> String>(
    meta: &'static RuleMeta,
    severity: Option<Severity>,
    cert_type: CertType,
    not_before: Option<Time>,
    check: impl FnOnce() -> Option<Outcome>,
    prefix: Option<&F>,
) -> Finding {
    let finding = |status| Finding::new(meta, status);
    if !meta.applies_to().contains(cert_type) {
        return finding(Status::NotApplicable);
    }
    if let Some(nb) = not_before {
        let before = meta.effective_date().is_some_and(|d| nb < d);
        let after = meta.ineffective_date().is_some_and(|d| nb >= d);
        if before || after {
            return finding(Status::NotEffective);
        }
    }
    match check() {
        Some(Outcome::Pass) => finding(Status::Pass),
        Some(Outcome::NotApplicable) => finding(Status::NotApplicable),
        Some(Outcome::Fail(f)) => {
            let status = severity.unwrap_or(meta.severity()).status();
            let message = match prefix {
                Some(p) => Cow::Owned(format!("{}{}", p(), f.message)),
                None => f.message,
            };
            Finding::failed(meta, status, message, f.path)
        }
        None => Finding::panicked(meta),
    }
}

#[cfg(feature = "std")]
fn run_pair(rule: &dyn PairRule, pair: &Pair<'_>, ctx: &Context) -> Option<Outcome> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rule.check(pair, ctx))).ok()
}

#[cfg(not(feature = "std"))]
fn run_pair(rule: &dyn PairRule, pair: &Pair<'_>, ctx: &Context) -> Option<Outcome> {
    Some(rule.check(pair, ctx))
}

#[cfg(feature = "std")]
fn run_chain(rule: &dyn ChainRule, chain: &Chain, ctx: &Context) -> Option<Outcome> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rule.check(chain, ctx))).ok()
}

#[cfg(not(feature = "std"))]
fn run_chain(rule: &dyn ChainRule, chain: &Chain, ctx: &Context) -> Option<Outcome> {
    Some(rule.check(chain, ctx))
}
