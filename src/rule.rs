//! The rule anatomy: metadata, the check, and its outcome.

use alloc::borrow::Cow;
use core::fmt;

use crate::cert::Certificate;
use crate::cert_type::Scope;
use crate::context::Context;
use crate::oid::ObjectIdentifier;
use crate::report::Status;
use crate::time::Time;

/// Where a rule's requirement comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// RFC 5280 and its companion RFCs (3279, 4055, 5480, 5758, 5891, 6818, 6962, 8410, 8813, 9549, 9598, 9608).
    Rfc5280,
    /// CA/Browser Forum TLS Baseline Requirements.
    CabfBr,
    /// CA/Browser Forum EV Guidelines.
    CabfEv,
    /// CA/Browser Forum S/MIME Baseline Requirements.
    CabfSmime,
    /// CA/Browser Forum Code Signing Baseline Requirements.
    CabfCs,
    /// Mozilla Root Store Policy.
    Mozilla,
    /// Chrome Root Program Policy and Chrome CT policy.
    Chrome,
    /// Apple Root Program Policy and Apple CT policy.
    Apple,
    /// Community practice (zlint's community lints).
    Community,
    /// ETSI EN 319 412.
    Etsi,
    /// A downstream crate's own rules, under a name of its choosing.
    Custom(&'static str),
}

impl Source {
    /// Every built-in source.
    pub const BUILT_IN: [Source; 10] = [
        Self::Rfc5280,
        Self::CabfBr,
        Self::CabfEv,
        Self::CabfSmime,
        Self::CabfCs,
        Self::Mozilla,
        Self::Chrome,
        Self::Apple,
        Self::Community,
        Self::Etsi,
    ];

    /// The short name used in rule ids and output (`rfc5280`, `cabf_br`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Rfc5280 => "rfc5280",
            Self::CabfBr => "cabf_br",
            Self::CabfEv => "cabf_ev",
            Self::CabfSmime => "cabf_smime",
            Self::CabfCs => "cabf_cs",
            Self::Mozilla => "mozilla",
            Self::Chrome => "chrome",
            Self::Apple => "apple",
            Self::Community => "community",
            Self::Etsi => "etsi",
            Self::Custom(name) => name,
        }
    }

    /// Parses [`Source::as_str`] for the built-in sources.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::BUILT_IN.into_iter().find(|s| s.as_str() == name)
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a failure of a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; not a violation.
    Notice,
    /// A SHOULD / SHOULD NOT is not followed.
    Warn,
    /// A MUST / MUST NOT is violated.
    Error,
    /// The certificate cannot be processed as intended (undecodable structure).
    Fatal,
}

impl Severity {
    /// The status a failure gets.
    pub const fn status(self) -> Status {
        match self {
            Self::Notice => Status::Notice,
            Self::Warn => Status::Warn,
            Self::Error => Status::Error,
            Self::Fatal => Status::Fatal,
        }
    }
}

/// A rule's description: everything but the check. Built in `const` context so that rules
/// keep it in a `static`.
///
/// ```
/// use certlint::{RuleMeta, Scope, Severity, Source, Time};
/// static META: RuleMeta = RuleMeta::new("acme.short_lived", Source::Custom("acme"), Severity::Error)
///     .summary("Certificates live at most 90 days")
///     .citation("ACME Corp PKI policy §3")
///     .scope(Scope::TLS_SUBSCRIBER)
///     .effective(Time::ymd(2025, 1, 1));
/// assert_eq!(META.id(), "acme.short_lived");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    id: &'static str,
    source: Source,
    severity: Severity,
    summary: &'static str,
    citation: &'static str,
    scope: Scope,
    effective: Option<Time>,
    ineffective: Option<Time>,
    aliases: &'static [&'static str],
    need: Need,
}

/// What a certificate must contain for a rule to concern it.
///
/// The engine does not call a rule on a certificate that lacks the rule's need: the
/// finding is [`Status::NotApplicable`], as the rule itself would have said. Declaring one
/// is a promise, then, that [`Rule::check`] answers [`Outcome::NotApplicable`] whenever the
/// need is absent; a test holds every built-in rule to it. A need whose field cannot be
/// read (a malformed extensions field, subject or key) counts as present: the rule is
/// called, and the rule about the broken field reports it.
///
/// It spares the call, which is most of the cost of a rule whose field is absent: about
/// a third of the rules called on a typical certificate find nothing to check.
///
/// ```
/// use certlint::{oid::ext, Certificate, Context, Need, Outcome, Rule, RuleMeta, Severity, Source};
///
/// struct IanNotCritical;
/// static META: RuleMeta = RuleMeta::new("acme.ian_not_critical", Source::Custom("acme"), Severity::Warn)
///     .summary("issuerAltName is not critical")
///     .needs(Need::Extension(&ext::ISSUER_ALT_NAME));
///
/// impl Rule for IanNotCritical {
///     fn meta(&self) -> &'static RuleMeta { &META }
///     fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
///         match cert.extension(&ext::ISSUER_ALT_NAME) {
///             Some(e) => Outcome::check(!e.is_critical(), "issuerAltName is critical"),
///             None => Outcome::NotApplicable, // as the declared need promises
///         }
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Need {
    /// Nothing beyond the rule's scope and dates.
    Nothing,
    /// An extension with this identifier.
    Extension(&'static ObjectIdentifier),
    /// A subjectPublicKeyInfo whose algorithm is one of these.
    KeyAlgorithm(&'static [ObjectIdentifier]),
    /// A signature algorithm that is one of these, in the TBS `signature` field or the
    /// outer `signatureAlgorithm`.
    SignatureAlgorithm(&'static [ObjectIdentifier]),
    /// A subject attribute of this type.
    SubjectAttribute(&'static ObjectIdentifier),
    /// An issuer attribute of this type.
    IssuerAttribute(&'static ObjectIdentifier),
    /// Any of these (a rule that reads subjectAltName or issuerAltName, say). Nested
    /// lists are not looked into: a certificate is taken to have them.
    AnyOf(&'static [Need]),
}

impl RuleMeta {
    /// A rule applying to every certificate type, always in effect.
    pub const fn new(id: &'static str, source: Source, severity: Severity) -> Self {
        Self {
            id,
            source,
            severity,
            summary: "",
            citation: "",
            scope: Scope::ALL,
            effective: None,
            ineffective: None,
            aliases: &[],
            need: Need::Nothing,
        }
    }

    /// One line: what the rule requires.
    pub const fn summary(mut self, summary: &'static str) -> Self {
        self.summary = summary;
        self
    }

    /// The section the requirement comes from (`RFC 5280 §4.2.1.9`).
    pub const fn citation(mut self, citation: &'static str) -> Self {
        self.citation = citation;
        self
    }

    /// The certificate types it applies to.
    pub const fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Applies to certificates whose notBefore is on or after this instant.
    pub const fn effective(mut self, t: Time) -> Self {
        self.effective = Some(t);
        self
    }

    /// Applies to certificates whose notBefore is before this instant.
    pub const fn ineffective(mut self, t: Time) -> Self {
        self.ineffective = Some(t);
        self
    }

    /// What a certificate must contain for the rule to be called (see [`Need`]).
    pub const fn needs(mut self, need: Need) -> Self {
        self.need = need;
        self
    }

    /// Names of equivalent checks in other tools (`zlint:e_…`, `pkilint:…`).
    pub const fn aliases(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
        self
    }

    /// Stable id, `<source>.<defect>`.
    pub const fn id(&self) -> &'static str {
        self.id
    }
    /// Where the requirement comes from.
    pub const fn source(&self) -> Source {
        self.source
    }
    /// The severity of a failure.
    pub const fn severity(&self) -> Severity {
        self.severity
    }
    /// One line: what the rule requires.
    pub const fn description(&self) -> &'static str {
        self.summary
    }
    /// Section cited.
    pub const fn cited(&self) -> &'static str {
        self.citation
    }
    /// Certificate types it applies to.
    pub const fn applies_to(&self) -> Scope {
        self.scope
    }
    /// Effective from (notBefore on or after).
    pub const fn effective_date(&self) -> Option<Time> {
        self.effective
    }
    /// Ineffective from (notBefore on or after).
    pub const fn ineffective_date(&self) -> Option<Time> {
        self.ineffective
    }
    /// What a certificate must contain for the rule to be called.
    pub const fn need(&self) -> Need {
        self.need
    }
    /// Equivalent checks in other tools.
    pub const fn alias_names(&self) -> &'static [&'static str] {
        self.aliases
    }

    /// Whether `name` is this rule's id or one of its aliases (with or without the
    /// `zlint:` / `pkilint:` prefix).
    pub fn answers_to(&self, name: &str) -> bool {
        self.id == name
            || self.aliases.iter().any(|a| *a == name || a.split_once(':').is_some_and(|(_, bare)| bare == name))
    }
}

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The requirement holds.
    Pass,
    /// The requirement does not concern this certificate (the extension it governs is
    /// absent, say), or the field it reads is malformed and reported by another rule.
    NotApplicable,
    /// The requirement is violated.
    Fail(Failure),
}

/// A violation: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// For people; names the offending value.
    pub message: Cow<'static, str>,
    /// Where in the certificate (`tbsCertificate.extensions.basicConstraints`), if useful.
    pub path: Option<&'static str>,
    /// The severity of this failure when it differs from the rule's (a requirement phased
    /// in by date: a notice or warning before the date, an error after). A policy's
    /// severity override still wins.
    pub severity: Option<Severity>,
}

impl Outcome {
    /// A failure with a message.
    pub fn fail(message: impl Into<Cow<'static, str>>) -> Self {
        Self::Fail(Failure { message: message.into(), path: None, severity: None })
    }

    /// A failure reported at `severity` instead of the rule's own (for requirements whose
    /// severity depends on the certificate's date).
    pub fn fail_as(severity: Severity, message: impl Into<Cow<'static, str>>) -> Self {
        Self::Fail(Failure { message: message.into(), path: None, severity: Some(severity) })
    }

    /// A failure with a message and a field path.
    pub fn fail_at(path: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::Fail(Failure { message: message.into(), path: Some(path), severity: None })
    }

    /// This outcome, with NotApplicable turned into Pass (for checks that examined a
    /// non-empty input and found nothing wrong).
    pub fn or_pass(self) -> Self {
        match self {
            Self::NotApplicable => Self::Pass,
            other => other,
        }
    }

    /// Pass when `ok`, otherwise fail with `message`.
    pub fn check(ok: bool, message: &'static str) -> Self {
        if ok {
            Self::Pass
        } else {
            Self::fail(message)
        }
    }
}

/// A check on one certificate. Implement it for a unit struct holding nothing:
///
/// ```
/// use certlint::{Certificate, Context, Outcome, Rule, RuleMeta, Severity, Source};
///
/// struct NoSha1;
/// static NO_SHA1: RuleMeta = RuleMeta::new("acme.no_sha1", Source::Custom("acme"), Severity::Error)
///     .summary("No SHA-1 signatures");
///
/// impl Rule for NoSha1 {
///     fn meta(&self) -> &'static RuleMeta { &NO_SHA1 }
///     fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
///         match cert.tbs_signature_algorithm() {
///             Ok(alg) if alg.oid.is(&certlint::oid::alg::SHA1_WITH_RSA) => Outcome::fail("signed with SHA-1"),
///             Ok(_) => Outcome::Pass,
///             Err(_) => Outcome::NotApplicable,
///         }
///     }
/// }
/// ```
///
/// A rule must not panic, whatever the bytes: the views return `Result`/`Option` for
/// everything that can be malformed. The engine applies scope, effective dates and the
/// declared [`Need`] before `check` is called, so `check` only tests the requirement (and
/// still answers not applicable when its need is absent: tests call it directly).
pub trait Rule: Send + Sync + 'static {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;

    /// Tests the certificate.
    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome;
}
