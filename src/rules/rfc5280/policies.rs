//! Certificate policies, policy mappings, policy constraints and inhibitAnyPolicy (RFC 5280
//! §4.2.1.4, §4.2.1.5, §4.2.1.11, §4.2.1.14; RFC 6818 §3).
//!
//! Policy qualifiers are decoded here, on top of the raw `qualifier` element of
//! [`crate::cert::PolicyQualifier`]: x509-cert mistypes UserNotice's noticeRef, and the
//! rules need the exact string tag of explicitText anyway.

use alloc::{format, string::String};

use super::spki::CheckWith;
use crate::asn1::{self, tag, Tlv};
use crate::cert::{CertificatePolicies, PolicyQualifier};
use crate::oid::{ext, policy, Oid};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::summary::{flag, settled};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &CertificatePoliciesEmpty,
    &CertificatePolicyDuplicate,
    &AnyPolicyDisallowedQualifier,
    &PolicyQualifierUnknown,
    &PolicyQualifierMalformed,
    &PolicyHasQualifiers,
    &UserNoticeHasNoticeRef,
    &ExplicitTextIa5string,
    &ExplicitTextVisibleOrBmpString,
    &ExplicitTextNotUtf8string,
    &ExplicitTextTooLong,
    &ExplicitTextEmpty,
    &ExplicitTextControlCharacters,
    &ExplicitTextNotNfc,
    &PolicyMappingsEmpty,
    &PolicyMappingAnyPolicy,
    &PolicyMappingsNotCritical,
    &PolicyMappingIssuerPolicyNotAsserted,
    &PolicyMappingsInNonCa,
    &PolicyConstraintsEmpty,
    &PolicyConstraintsNotCritical,
    &PolicyConstraintsInNonCa,
    &InhibitAnyPolicyNotCritical,
    &InhibitAnyPolicyInNonCa,
    &SkipCertsNegative,
];

/// A decoded UserNotice (RFC 5280 §4.2.1.4).
#[derive(Clone, Copy, Debug)]
struct UserNotice<'a> {
    /// noticeRef, whole.
    notice_ref: Option<Tlv<'a>>,
    /// explicitText, whole (one of the four DisplayText string types).
    explicit_text: Option<Tlv<'a>>,
}

const DISPLAY_TEXT_TAGS: [u8; 4] = [tag::IA5_STRING, tag::VISIBLE_STRING, tag::BMP_STRING, tag::UTF8_STRING];

/// Decodes a UserNotice qualifier: `SEQUENCE { noticeRef NoticeReference OPTIONAL,
/// explicitText DisplayText OPTIONAL }`, NoticeReference being `SEQUENCE { organization
/// DisplayText, noticeNumbers SEQUENCE OF INTEGER }`.
fn user_notice(q: Option<Tlv<'_>>) -> Result<UserNotice<'_>, &'static str> {
    let seq = q.ok_or("userNotice qualifier has no value")?;
    let seq = seq.expect(tag::SEQUENCE).map_err(|_| "userNotice qualifier is not a SEQUENCE")?;
    let mut r = seq.reader();
    let notice_ref = r.read_optional(tag::SEQUENCE).map_err(|_| "userNotice does not decode")?;
    if let Some(nr) = notice_ref {
        let mut nr = nr.reader();
        let org = nr.read().map_err(|_| "noticeRef does not decode")?;
        let numbers = nr.read_tag(tag::SEQUENCE).map_err(|_| "noticeRef has no noticeNumbers SEQUENCE")?;
        if !DISPLAY_TEXT_TAGS.contains(&org.tag) || nr.finish().is_err() {
            return Err("noticeRef is not {organization DisplayText, noticeNumbers}");
        }
        if !numbers.reader().all(|i| i.is_ok_and(|i| i.tag == tag::INTEGER)) {
            return Err("noticeRef noticeNumbers holds something other than INTEGERs");
        }
    }
    let explicit_text = match r.peek_tag() {
        Some(t) if DISPLAY_TEXT_TAGS.contains(&t) => r.read().ok(),
        _ => None,
    };
    if r.finish().is_err() {
        return Err("userNotice holds an element that is neither noticeRef nor a DisplayText");
    }
    Ok(UserNotice { notice_ref, explicit_text })
}

/// The certificatePolicies extension, when present and decodable.
fn policies(cert: &Certificate) -> Option<CertificatePolicies<'_>> {
    match cert.certificate_policies() {
        Some(Ok(cp)) => Some(cp.value),
        _ => None,
    }
}

/// The certificatePolicies, when at least one of its qualifiers is a decodable UserNotice
/// ([`policy_facts`] knows: most certificates have none, and seven rules read only user
/// notices).
fn with_user_notices(cert: &Certificate) -> Option<CertificatePolicies<'_>> {
    policies(cert).filter(|_| policy_facts(cert) & P_NOTICE != 0)
}

// Bits of `policy_facts`. Each rule reads a pair: one saying it applies, one saying it fails.
/// A decodable certificatePolicies is present.
const P_PRESENT: u32 = 1 << 0;
/// It lists no policy.
const P_EMPTY: u32 = 1 << 1;
/// A policy OID appears twice.
const P_DUP: u32 = 1 << 2;
/// anyPolicy carries a qualifier.
const P_ANY_Q: u32 = 1 << 3;
/// anyPolicy carries a qualifier other than CPS or user notice.
const P_ANY_Q_BAD: u32 = 1 << 4;
/// Another policy carries a qualifier.
const P_OTHER_Q: u32 = 1 << 5;
/// Another policy carries a qualifier other than CPS or user notice.
const P_OTHER_Q_BAD: u32 = 1 << 6;
/// Some policy has policyQualifiers.
const P_QUALIFIED: u32 = 1 << 7;
/// An empty policyQualifiers, a CPS pointer that is not an IA5String, or a user notice
/// that does not decode.
const P_Q_MALFORMED: u32 = 1 << 8;
/// A decodable user notice.
const P_NOTICE: u32 = 1 << 9;
/// A user notice with noticeRef.
const P_NOTICE_REF: u32 = 1 << 10;
/// An explicitText.
const P_TEXT: u32 = 1 << 11;
/// An IA5String explicitText.
const P_TEXT_IA5: u32 = 1 << 12;
/// A VisibleString or BMPString explicitText.
const P_TEXT_VIS_BMP: u32 = 1 << 13;
/// An explicitText over 200 characters.
const P_TEXT_LONG: u32 = 1 << 14;
/// An empty explicitText.
const P_TEXT_EMPTY: u32 = 1 << 15;
/// An explicitText with a control character.
const P_TEXT_CONTROL: u32 = 1 << 16;
/// A valid UTF8String or BMPString explicitText.
const P_NFC_TEXT: u32 = 1 << 17;
/// One of those not in NFC.
const P_NFC_BAD: u32 = 1 << 18;

/// What the certificatePolicies rules would find, for all of them in one walk (each rule
/// would otherwise decode every policy and qualifier again). Cached in the certificate.
fn policy_facts(cert: &Certificate) -> u32 {
    cert.facts.policies.get_or(|| {
        let Some(cp) = policies(cert) else {
            return 0;
        };
        let mut bits = P_PRESENT | flag(cp.policies().next().is_none(), P_EMPTY);
        for (i, p) in cp.policies().enumerate() {
            if bits & P_DUP == 0 && cp.policies().skip(i + 1).any(|q| q.id == p.id) {
                bits |= P_DUP;
            }
            if p.has_qualifiers() {
                bits |= P_QUALIFIED | flag(p.qualifiers().next().is_none(), P_Q_MALFORMED);
            }
            let (seen, bad) =
                if p.id.is(&policy::ANY_POLICY) { (P_ANY_Q, P_ANY_Q_BAD) } else { (P_OTHER_Q, P_OTHER_Q_BAD) };
            for q in p.qualifiers() {
                bits |= seen | flag(!is_known_qualifier(&q), bad);
                if q.id.is(&policy::QT_CPS) {
                    bits |= flag(!q.qualifier.is_some_and(|t| t.tag == tag::IA5_STRING), P_Q_MALFORMED);
                } else if q.id.is(&policy::QT_UNOTICE) {
                    match user_notice(q.qualifier) {
                        Err(_) => bits |= P_Q_MALFORMED,
                        Ok(n) => bits |= P_NOTICE | flag(n.notice_ref.is_some(), P_NOTICE_REF) | text_facts(n),
                    }
                }
            }
        }
        bits
    })
}

/// The `policy_facts` bits of a user notice's explicitText.
fn text_facts(n: UserNotice<'_>) -> u32 {
    let Some(t) = n.explicit_text else {
        return 0;
    };
    P_TEXT
        | flag(t.tag == tag::IA5_STRING, P_TEXT_IA5)
        | flag(matches!(t.tag, tag::VISIBLE_STRING | tag::BMP_STRING), P_TEXT_VIS_BMP)
        | flag(text_chars(t).is_some_and(|c| c.count() > 200), P_TEXT_LONG)
        | flag(t.value.is_empty(), P_TEXT_EMPTY)
        | flag(text_chars(t).is_some_and(|mut c| c.any(|c| c.is_control())), P_TEXT_CONTROL)
        | match nfc_verdict(t) {
            Some(nfc) => P_NFC_TEXT | flag(!nfc, P_NFC_BAD),
            None => 0,
        }
}

/// Every qualifier of every policy.
fn qualifiers<'a>(cp: CertificatePolicies<'a>) -> impl Iterator<Item = PolicyQualifier<'a>> + 'a {
    cp.policies().flat_map(|p| p.qualifiers())
}

/// Every decodable UserNotice.
fn user_notices<'a>(cp: CertificatePolicies<'a>) -> impl Iterator<Item = UserNotice<'a>> + 'a {
    qualifiers(cp).filter(|q| q.id.is(&policy::QT_UNOTICE)).filter_map(|q| user_notice(q.qualifier).ok())
}

/// Runs `f` on every explicitText; the first failure wins. Not applicable when there is no
/// explicitText at all.
fn each_text(cert: &Certificate, mut f: impl FnMut(Tlv<'_>) -> Option<String>) -> Outcome {
    let Some(cp) = with_user_notices(cert) else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    for t in user_notices(cp).filter_map(|n| n.explicit_text) {
        seen = true;
        if let Some(m) = f(t) {
            return Outcome::fail(m);
        }
    }
    if seen {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// The characters of a DisplayText. IA5String and VisibleString octets map to U+0000..U+00FF,
/// BMPString is UCS-2, UTF8String is UTF-8.
enum TextChars<'a> {
    Octets(core::slice::Iter<'a, u8>),
    Utf8(core::str::Chars<'a>),
    Bmp(core::slice::ChunksExact<'a, u8>),
}

impl Iterator for TextChars<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            Self::Octets(i) => i.next().map(|b| char::from(*b)),
            Self::Utf8(c) => c.next(),
            Self::Bmp(c) => c.next().map(|p| match p {
                [hi, lo] => char::from_u32(u32::from(u16::from_be_bytes([*hi, *lo]))).unwrap_or('\u{fffd}'),
                _ => '\u{fffd}',
            }),
        }
    }
}

/// The text's characters, `None` when the content is not valid for its type (bad UTF-8, an
/// odd BMPString length): the string-encoding rules report that.
fn text_chars<'a>(t: Tlv<'a>) -> Option<TextChars<'a>> {
    match t.tag {
        tag::UTF8_STRING => core::str::from_utf8(t.value).ok().map(|s| TextChars::Utf8(s.chars())),
        tag::BMP_STRING if t.value.len() % 2 == 0 => Some(TextChars::Bmp(t.value.chunks_exact(2))),
        tag::IA5_STRING | tag::VISIBLE_STRING => Some(TextChars::Octets(t.value.iter())),
        _ => None,
    }
}

/// `rfc5280.certificate_policies_empty`
///
/// **What it checks**: certificatePolicies holds at least one PolicyInformation.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 defines the extension as `SEQUENCE SIZE (1..MAX)
/// OF PolicyInformation`; an empty list asserts no policy and is not valid syntax.
///
/// **Example**: `30 00` fails; one policy passes; no certificatePolicies is not applicable.
pub struct CertificatePoliciesEmpty;

impl Rule for CertificatePoliciesEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.certificate_policies_empty", Source::Rfc5280, Severity::Error)
            .summary("certificatePolicies must list at least one policy")
            .citation("RFC 5280 §4.2.1.4")
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_PRESENT, P_EMPTY).unwrap_or_else(|| self.direct(cert))
    }
}

impl CertificatePoliciesEmpty {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        match policies(cert) {
            Some(cp) => Outcome::check(cp.policies().next().is_some(), "certificatePolicies is an empty SEQUENCE"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.certificate_policy_duplicate`
///
/// **What it checks**: no policy OID appears twice in certificatePolicies.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 says a certificate policy OID MUST NOT appear more
/// than once; duplicates make the qualifiers that apply ambiguous.
///
/// **Example**: two entries for 2.23.140.1.2.1 fail; distinct OIDs pass; no
/// certificatePolicies is not applicable.
pub struct CertificatePolicyDuplicate;

impl Rule for CertificatePolicyDuplicate {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.certificate_policy_duplicate", Source::Rfc5280, Severity::Error)
            .summary("A policy OID must appear at most once in certificatePolicies")
            .citation("RFC 5280 §4.2.1.4")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["zlint:e_ext_cert_policy_duplicate", "pkilint:pkix.duplicate_certificate_policy_oids"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_PRESENT, P_DUP).unwrap_or_else(|| self.direct(cert))
    }
}

impl CertificatePolicyDuplicate {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let Some(cp) = policies(cert) else {
            return Outcome::NotApplicable;
        };
        for (i, p) in cp.policies().enumerate() {
            if cp.policies().skip(i + 1).any(|q| q.id == p.id) {
                return Outcome::fail(format!("policy {} appears more than once", p.id));
            }
        }
        Outcome::Pass
    }
}

fn is_known_qualifier(q: &PolicyQualifier<'_>) -> bool {
    q.id.is(&policy::QT_CPS) || q.id.is(&policy::QT_UNOTICE)
}

/// `rfc5280.any_policy_disallowed_qualifier`
///
/// **What it checks**: qualifiers attached to anyPolicy are CPS pointers or user notices
/// only.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 says that when qualifiers are used with the special
/// policy anyPolicy, they MUST be limited to the two qualifiers the section defines.
///
/// **Example**: anyPolicy with a qualifier 1.2.3.4 fails; anyPolicy with a CPS URI passes;
/// a certificate without qualified anyPolicy is not applicable.
pub struct AnyPolicyDisallowedQualifier;

impl Rule for AnyPolicyDisallowedQualifier {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.any_policy_disallowed_qualifier", Source::Rfc5280, Severity::Error)
                .summary("anyPolicy qualifiers must be CPS pointers or user notices")
                .citation("RFC 5280 §4.2.1.4")
                .effective(Time::ymd(2002, 4, 1))
                .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
                .aliases(&[
                    "zlint:e_ext_cert_policy_disallowed_any_policy_qualifier",
                    "pkilint:pkix.certificate_policies_anypolicy_has_prohibited_qualifier",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_ANY_Q, P_ANY_Q_BAD).unwrap_or_else(|| self.direct(cert))
    }
}

impl AnyPolicyDisallowedQualifier {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let Some(cp) = policies(cert) else {
            return Outcome::NotApplicable;
        };
        let mut seen = false;
        for p in cp.policies().filter(|p| p.id.is(&policy::ANY_POLICY)) {
            for q in p.qualifiers() {
                seen = true;
                if !is_known_qualifier(&q) {
                    return Outcome::fail(format!("anyPolicy carries qualifier {}", q.id));
                }
            }
        }
        if seen {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.policy_qualifier_unknown`
///
/// **What it checks**: qualifiers of policies other than anyPolicy are CPS pointers or user
/// notices.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 strongly recommends limiting qualifiers to the two
/// it defines; a relying party that must process a critical extension cannot interpret
/// others.
///
/// **Example**: a DV policy with qualifier 1.2.3.4 gets a warning; one with a CPS URI
/// passes; policies without qualifiers are not applicable.
pub struct PolicyQualifierUnknown;

impl Rule for PolicyQualifierUnknown {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_qualifier_unknown", Source::Rfc5280, Severity::Warn)
            .summary("Policy qualifiers should be CPS pointers or user notices")
            .citation("RFC 5280 §4.2.1.4")
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_OTHER_Q, P_OTHER_Q_BAD).unwrap_or_else(|| self.direct(cert))
    }
}

impl PolicyQualifierUnknown {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let Some(cp) = policies(cert) else {
            return Outcome::NotApplicable;
        };
        let mut seen = false;
        for p in cp.policies().filter(|p| !p.id.is(&policy::ANY_POLICY)) {
            for q in p.qualifiers() {
                seen = true;
                if !is_known_qualifier(&q) {
                    return Outcome::fail(format!("policy {} carries qualifier {}", p.id, q.id));
                }
            }
        }
        if seen {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.policy_qualifier_malformed`
///
/// **What it checks**: policyQualifiers, when present, is not empty; a CPS pointer
/// qualifier is an IA5String; a user notice qualifier is a UserNotice SEQUENCE of an
/// optional NoticeReference and an optional DisplayText.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 gives policyQualifiers `SIZE (1..MAX)`, CPSuri
/// the type IA5String and UserNotice its syntax; a qualifier in another shape cannot be
/// processed, and a critical certificatePolicies must then be rejected.
///
/// **Example**: a CPS qualifier encoded as UTF8String fails, as does a user notice that is
/// an OCTET STRING; well-formed qualifiers pass; no qualifiers is not applicable.
pub struct PolicyQualifierMalformed;

impl Rule for PolicyQualifierMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_qualifier_malformed", Source::Rfc5280, Severity::Error)
            .summary("Policy qualifiers must follow the CPSuri and UserNotice syntax")
            .citation("RFC 5280 §4.2.1.4, Appendix A.2")
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_QUALIFIED, P_Q_MALFORMED).unwrap_or_else(|| self.direct(cert))
    }
}

impl PolicyQualifierMalformed {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let Some(cp) = policies(cert) else {
            return Outcome::NotApplicable;
        };
        let mut seen = false;
        for p in cp.policies().filter(|p| p.has_qualifiers()) {
            seen = true;
            if p.qualifiers().next().is_none() {
                return Outcome::fail(format!("policy {} has an empty policyQualifiers SEQUENCE", p.id));
            }
            for q in p.qualifiers() {
                if q.id.is(&policy::QT_CPS) {
                    if !q.qualifier.is_some_and(|t| t.tag == tag::IA5_STRING) {
                        let found = q.qualifier.map_or("nothing", |t| tag::name(t.tag));
                        return Outcome::fail(format!("policy {}: the CPS pointer is {found}, not IA5String", p.id));
                    }
                } else if q.id.is(&policy::QT_UNOTICE) {
                    if let Err(why) = user_notice(q.qualifier) {
                        return Outcome::fail(format!("policy {}: {why}", p.id));
                    }
                }
            }
        }
        if seen {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.policy_has_qualifiers`
///
/// **What it checks**: each PolicyInformation is an OID alone, without qualifiers.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 recommends, to promote interoperability, that
/// policy information terms consist of only an OID. This is a notice, not a violation.
///
/// **Example**: a policy with a CPS URI gets a notice; OID-only policies pass; no
/// certificatePolicies is not applicable.
pub struct PolicyHasQualifiers;

impl Rule for PolicyHasQualifiers {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_has_qualifiers", Source::Rfc5280, Severity::Notice)
            .summary("Policy information is recommended to be an OID alone")
            .citation("RFC 5280 §4.2.1.4")
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["pkilint:pkix.certificate_policies_policy_has_qualifier"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_PRESENT, P_QUALIFIED).unwrap_or_else(|| self.direct(cert))
    }
}

impl PolicyHasQualifiers {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let Some(cp) = policies(cert) else {
            return Outcome::NotApplicable;
        };
        match cp.policies().find(|p| p.has_qualifiers()) {
            Some(p) => {
                // Most certificates with policies fail this notice: spell the OID without
                // the formatting machinery, which costs several times more.
                let mut m = String::with_capacity(48);
                m.push_str("policy ");
                push_dotted(&mut m, p.id);
                m.push_str(" carries qualifiers");
                Outcome::fail(m)
            }
            None => Outcome::Pass,
        }
    }
}

/// Appends `id` in dotted decimal, as its `Display` does.
fn push_dotted(out: &mut String, id: Oid<'_>) {
    for (i, arc) in id.arcs().enumerate() {
        if i > 0 {
            out.push('.');
        }
        let mut digits = [0u8; 20];
        let mut n = arc;
        let mut at = digits.len();
        loop {
            at -= 1;
            if let Some(d) = digits.get_mut(at) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || at == 0 {
                break;
            }
        }
        out.extend(digits.get(at..).unwrap_or_default().iter().map(|&d| char::from(d)));
    }
}

/// `rfc5280.user_notice_has_notice_ref`
///
/// **What it checks**: no UserNotice qualifier uses noticeRef.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 says conforming CAs SHOULD NOT use the noticeRef
/// option: it points to a notice file that relying parties do not have.
///
/// **Example**: a user notice with noticeRef gets a warning; one with explicitText only
/// passes; a certificate without user notices is not applicable.
pub struct UserNoticeHasNoticeRef;

impl Rule for UserNoticeHasNoticeRef {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.user_notice_has_notice_ref", Source::Rfc5280, Severity::Warn)
            .summary("User notices should not use noticeRef")
            .citation("RFC 5280 §4.2.1.4")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "zlint:w_ext_cert_policy_contains_noticeref",
                "pkilint:pkix.certificate_policies_usernotice_has_noticeref",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_NOTICE, P_NOTICE_REF).unwrap_or_else(|| self.direct(cert))
    }
}

impl UserNoticeHasNoticeRef {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let Some(cp) = with_user_notices(cert) else {
            return Outcome::NotApplicable;
        };
        let mut notices = user_notices(cp).peekable();
        if notices.peek().is_none() {
            return Outcome::NotApplicable;
        }
        Outcome::check(notices.all(|n| n.notice_ref.is_none()), "a user notice uses noticeRef")
    }
}

/// `rfc5280.explicit_text_ia5string`
///
/// **What it checks**: explicitText is not an IA5String.
///
/// **Why it matters**: RFC 6818 §3 (updating RFC 5280 §4.2.1.4) says conforming CAs MUST
/// NOT encode explicitText as IA5String.
///
/// **Example**: an IA5String explicitText fails; a UTF8String passes; no explicitText is not
/// applicable.
pub struct ExplicitTextIa5string;

impl Rule for ExplicitTextIa5string {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.explicit_text_ia5string", Source::Rfc5280, Severity::Error)
            .summary("explicitText must not be an IA5String")
            .citation("RFC 6818 §3 (updating RFC 5280 §4.2.1.4)")
            .effective(Time::ymd(2013, 1, 1))
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "zlint:e_ext_cert_policy_explicit_text_ia5_string",
                "pkilint:pkix.rfc6818_certificate_policies_invalid_explicit_text_encoding",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_TEXT, P_TEXT_IA5).unwrap_or_else(|| self.direct(cert))
    }
}

impl ExplicitTextIa5string {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        each_text(cert, |t| (t.tag == tag::IA5_STRING).then(|| "explicitText is an IA5String".into()))
    }
}

/// `rfc5280.explicit_text_visible_or_bmp_string`
///
/// **What it checks**: in certificates issued before RFC 6818 (notBefore before 2013),
/// explicitText is neither VisibleString nor BMPString.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 as published in 2008 said conforming CAs MUST NOT
/// use those two types; RFC 6818 §3 reversed this in January 2013. Reported as a notice
/// since the rule it broke no longer stands.
///
/// **Example**: a 2010 certificate with a BMPString explicitText gets a notice; a
/// UTF8String passes; certificates from 2013 on are not effective.
pub struct ExplicitTextVisibleOrBmpString;

impl Rule for ExplicitTextVisibleOrBmpString {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.explicit_text_visible_or_bmp_string", Source::Rfc5280, Severity::Notice)
                .summary("Before RFC 6818, explicitText could not be VisibleString or BMPString")
                .citation("RFC 5280 §4.2.1.4 (as published 2008; reversed by RFC 6818 §3)")
                .ineffective(Time::ymd(2013, 1, 1))
                .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
                .aliases(&["pkilint:pkix.rfc5280_certificate_policies_invalid_explicit_text_encoding"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_TEXT, P_TEXT_VIS_BMP).unwrap_or_else(|| self.direct(cert))
    }
}

impl ExplicitTextVisibleOrBmpString {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        each_text(cert, |t| {
            matches!(t.tag, tag::VISIBLE_STRING | tag::BMP_STRING)
                .then(|| format!("explicitText is a {}", tag::name(t.tag)))
        })
    }
}

/// `rfc5280.explicit_text_not_utf8string`
///
/// **What it checks**: explicitText is a UTF8String (IA5String is left to
/// `rfc5280.explicit_text_ia5string`).
///
/// **Why it matters**: RFC 6818 §3 says conforming CAs SHOULD use UTF8String; VisibleString
/// and BMPString are acceptable but less preferred.
///
/// **Example**: a VisibleString explicitText gets a warning; a UTF8String passes; no
/// explicitText is not applicable.
pub struct ExplicitTextNotUtf8string;

impl Rule for ExplicitTextNotUtf8string {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.explicit_text_not_utf8string", Source::Rfc5280, Severity::Warn)
            .summary("explicitText should be a UTF8String")
            .citation("RFC 6818 §3")
            .effective(Time::ymd(2013, 1, 1))
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["zlint:w_ext_cert_policy_explicit_text_not_utf8"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_TEXT, P_TEXT_VIS_BMP).unwrap_or_else(|| self.direct(cert))
    }
}

impl ExplicitTextNotUtf8string {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        each_text(cert, |t| {
            matches!(t.tag, tag::VISIBLE_STRING | tag::BMP_STRING)
                .then(|| format!("explicitText is a {}, not a UTF8String", tag::name(t.tag)))
        })
    }
}

/// `rfc5280.explicit_text_too_long`
///
/// **What it checks**: explicitText holds at most 200 characters.
///
/// **Why it matters**: RFC 5280 §4.2.1.4 (and RFC 6818 §3) gives explicitText a maximum
/// size of 200 characters, and DisplayText is `SIZE (1..200)`.
///
/// **Example**: a 201-character text fails; 200 characters pass; no explicitText is not
/// applicable.
pub struct ExplicitTextTooLong;

impl Rule for ExplicitTextTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.explicit_text_too_long", Source::Rfc5280, Severity::Error)
            .summary("explicitText holds at most 200 characters")
            .citation("RFC 5280 §4.2.1.4; RFC 6818 §3")
            .effective(Time::ymd(2013, 1, 1))
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["zlint:e_ext_cert_policy_explicit_text_too_long"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_TEXT, P_TEXT_LONG).unwrap_or_else(|| self.direct(cert))
    }
}

impl ExplicitTextTooLong {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        each_text(cert, |t| {
            let n = text_chars(t)?.count();
            (n > 200).then(|| format!("explicitText has {n} characters; at most 200 are allowed"))
        })
    }
}

/// `rfc5280.explicit_text_empty`
///
/// **What it checks**: explicitText holds at least one character.
///
/// **Why it matters**: RFC 5280 Appendix A types every DisplayText choice `SIZE (1..200)`;
/// an empty string is not valid, and says nothing.
///
/// **Example**: a zero-length UTF8String fails; "Hello" passes; no explicitText is not
/// applicable.
pub struct ExplicitTextEmpty;

impl Rule for ExplicitTextEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.explicit_text_empty", Source::Rfc5280, Severity::Error)
            .summary("explicitText must not be empty")
            .citation("RFC 5280 §4.2.1.4, Appendix A (DisplayText SIZE 1..200)")
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_TEXT, P_TEXT_EMPTY).unwrap_or_else(|| self.direct(cert))
    }
}

impl ExplicitTextEmpty {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        each_text(cert, |t| t.value.is_empty().then(|| format!("explicitText is an empty {}", tag::name(t.tag))))
    }
}

/// `rfc5280.explicit_text_control_characters`
///
/// **What it checks**: explicitText contains no control character (U+0000 to U+001F, U+007F
/// to U+009F).
///
/// **Why it matters**: RFC 6818 §3 says the explicitText string SHOULD NOT include control
/// characters; it is meant for display to people.
///
/// **Example**: "Terms\napply" gets a warning; "Terms apply" passes; no explicitText is not
/// applicable.
pub struct ExplicitTextControlCharacters;

impl Rule for ExplicitTextControlCharacters {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.explicit_text_control_characters", Source::Rfc5280, Severity::Warn)
                .summary("explicitText should not contain control characters")
                .citation("RFC 6818 §3")
                .effective(Time::ymd(2013, 1, 1))
                .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
                .aliases(&[
                    "zlint:w_ext_cert_policy_explicit_text_includes_control",
                    "pkilint:pkix.certificate_policies_explicit_text_has_control_character",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_TEXT, P_TEXT_CONTROL).unwrap_or_else(|| self.direct(cert))
    }
}

impl ExplicitTextControlCharacters {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        each_text(cert, |t| {
            let c = text_chars(t)?.find(|c| c.is_control())?;
            Some(format!("explicitText contains the control character U+{:04X}", u32::from(c)))
        })
    }
}

/// `rfc5280.explicit_text_not_nfc`
///
/// **What it checks**: a UTF8String or BMPString explicitText is in Unicode Normalization
/// Form C.
///
/// **Why it matters**: RFC 6818 §3 says that when UTF8String or BMPString is used, all
/// character sequences SHOULD be normalized to NFC, so that equal texts compare equal.
///
/// **Example**: "e" followed by U+0301 gets a warning; the precomposed "é" passes; an
/// IA5String or VisibleString text, or no explicitText, is not applicable.
pub struct ExplicitTextNotNfc;

impl Rule for ExplicitTextNotNfc {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.explicit_text_not_nfc", Source::Rfc5280, Severity::Warn)
            .summary("UTF8String and BMPString explicitText should be NFC-normalized")
            .citation("RFC 6818 §3")
            .effective(Time::ymd(2013, 1, 1))
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "zlint:w_ext_cert_policy_explicit_text_not_nfc",
                "pkilint:pkix.certificate_policies_explicit_text_not_nfc_normalized",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(policy_facts(cert), P_NFC_TEXT, P_NFC_BAD).unwrap_or_else(|| self.direct(cert))
    }
}

impl ExplicitTextNotNfc {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let Some(cp) = with_user_notices(cert) else {
            return Outcome::NotApplicable;
        };
        let mut seen = false;
        let texts = user_notices(cp).filter_map(|n| n.explicit_text);
        for t in texts {
            let Some(nfc) = nfc_verdict(t) else { continue };
            seen = true;
            if !nfc {
                return Outcome::fail(format!("the {} explicitText is not in Unicode NFC", tag::name(t.tag)));
            }
        }
        if seen {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// Whether a UTF8String or BMPString text is in NFC; `None` for the other types and for
/// content that is not valid for its type (the rule does not apply to those).
fn nfc_verdict(t: Tlv<'_>) -> Option<bool> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if !matches!(t.tag, tag::UTF8_STRING | tag::BMP_STRING) {
        return None;
    }
    Some(match is_nfc_quick(text_chars(t)?) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => text_chars(t).is_some_and(|c| {
            let s: String = c.collect();
            s.nfc().eq(s.chars())
        }),
    })
}

/// `rfc5280.policy_mappings_empty`
///
/// **What it checks**: policyMappings lists at least one mapping.
///
/// **Why it matters**: RFC 5280 §4.2.1.5 defines the extension as `SEQUENCE SIZE (1..MAX)`;
/// an empty list maps nothing and is not valid syntax.
///
/// **Example**: `30 00` fails; one mapping passes; no policyMappings is not applicable.
pub struct PolicyMappingsEmpty;

impl Rule for PolicyMappingsEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_mappings_empty", Source::Rfc5280, Severity::Error)
            .summary("policyMappings must list at least one mapping")
            .citation("RFC 5280 §4.2.1.5")
            .needs(Need::Extension(&ext::POLICY_MAPPINGS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.policy_mappings() {
            Some(Ok(pm)) => Outcome::check(!pm.value.is_empty(), "policyMappings is an empty SEQUENCE"),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.policy_mapping_any_policy`
///
/// **What it checks**: no policy mapping has anyPolicy as its issuerDomainPolicy or
/// subjectDomainPolicy.
///
/// **Why it matters**: RFC 5280 §4.2.1.5 says policies MUST NOT be mapped either to or from
/// anyPolicy; such a mapping would defeat policy processing.
///
/// **Example**: a mapping from 1.2.3 to anyPolicy fails; 1.2.3 to 1.2.4 passes; no
/// policyMappings is not applicable.
pub struct PolicyMappingAnyPolicy;

impl Rule for PolicyMappingAnyPolicy {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_mapping_any_policy", Source::Rfc5280, Severity::Error)
            .summary("Policies must not be mapped to or from anyPolicy")
            .citation("RFC 5280 §4.2.1.5")
            .scope(Scope::CA)
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::Extension(&ext::POLICY_MAPPINGS))
            .aliases(&["zlint:e_ext_policy_map_any_policy"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(pm)) = cert.policy_mappings() else {
            return Outcome::NotApplicable;
        };
        let any = |o: &crate::oid::Oid<'_>| o.is(&policy::ANY_POLICY);
        match pm.value.iter().find(|(i, s)| any(i) || any(s)) {
            Some((i, s)) => Outcome::fail(format!("policyMappings maps {i} to {s}: anyPolicy cannot be mapped")),
            None => Outcome::Pass,
        }
    }
}

/// `rfc5280.policy_mappings_not_critical`
///
/// **What it checks**: policyMappings is marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.5 says conforming CAs SHOULD mark this extension
/// critical: a validator that ignores mappings computes the wrong policy set.
///
/// **Example**: a non-critical policyMappings gets a warning; a critical one passes; no
/// policyMappings is not applicable.
pub struct PolicyMappingsNotCritical;

impl Rule for PolicyMappingsNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_mappings_not_critical", Source::Rfc5280, Severity::Warn)
            .summary("policyMappings should be critical")
            .citation("RFC 5280 §4.2.1.5")
            .scope(Scope::CA)
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::Extension(&ext::POLICY_MAPPINGS))
            .aliases(&["zlint:w_ext_policy_map_not_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::POLICY_MAPPINGS) {
            Some(e) => Outcome::check(e.is_critical(), "policyMappings is not marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.policy_mapping_issuer_policy_not_asserted`
///
/// **What it checks**: every issuerDomainPolicy of policyMappings also appears in the
/// certificate's certificatePolicies (anyPolicy there covers every policy).
///
/// **Why it matters**: RFC 5280 §4.2.1.5 says each issuerDomainPolicy SHOULD also be
/// asserted in a certificate policies extension in the same certificate; otherwise the
/// mapping has nothing to apply to.
///
/// **Example**: a mapping from 1.2.3 with certificatePolicies {1.2.4} gets a warning; with
/// {1.2.3} or {anyPolicy} it passes; no policyMappings is not applicable.
pub struct PolicyMappingIssuerPolicyNotAsserted;

impl Rule for PolicyMappingIssuerPolicyNotAsserted {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.policy_mapping_issuer_policy_not_asserted", Source::Rfc5280, Severity::Warn)
                .summary("Each issuerDomainPolicy should also be in certificatePolicies")
                .citation("RFC 5280 §4.2.1.5")
                .scope(Scope::CA)
                .effective(Time::ymd(2002, 4, 1))
                .needs(Need::Extension(&ext::POLICY_MAPPINGS))
                .aliases(&["zlint:w_ext_policy_map_not_in_cert_policy"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(pm)) = cert.policy_mappings() else {
            return Outcome::NotApplicable;
        };
        let cp = policies(cert);
        let covered = |o: &crate::oid::Oid<'_>| {
            cp.is_some_and(|cp| cp.policies().any(|p| p.id == *o || p.id.is(&policy::ANY_POLICY)))
        };
        match pm.value.iter().find(|(i, _)| !covered(i)) {
            Some((i, _)) => Outcome::fail(format!("issuerDomainPolicy {i} is not asserted in certificatePolicies")),
            None => Outcome::Pass,
        }
    }
}

/// The shared check of the "CA-only extension" rules.
fn absent_in_end_entity(cert: &Certificate, id: &crate::oid::ObjectIdentifier, name: &'static str) -> Outcome {
    Outcome::check_with(!cert.has_extension(id), || format!("{name} appears in a certificate that is not a CA"))
}

/// `rfc5280.policy_mappings_in_non_ca`
///
/// **What it checks**: an end-entity certificate (no cA=TRUE) carries no policyMappings.
///
/// **Why it matters**: RFC 5280 §4.2.1.5 says the extension is used in CA certificates:
/// it maps the issuer's policies to the subject CA's, which means nothing for an end
/// entity.
///
/// **Example**: a TLS leaf with policyMappings fails; a leaf without passes; CA
/// certificates are not applicable.
pub struct PolicyMappingsInNonCa;

impl Rule for PolicyMappingsInNonCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_mappings_in_non_ca", Source::Rfc5280, Severity::Error)
            .summary("policyMappings must appear only in CA certificates")
            .citation("RFC 5280 §4.2.1.5")
            .scope(Scope::END_ENTITY)
            .aliases(&["pkilint:pkix.end_entity_policy_mappings_extension_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent_in_end_entity(cert, &ext::POLICY_MAPPINGS, "policyMappings")
    }
}

/// `rfc5280.policy_constraints_empty`
///
/// **What it checks**: policyConstraints holds requireExplicitPolicy, inhibitPolicyMapping
/// or both.
///
/// **Why it matters**: RFC 5280 §4.2.1.11 says conforming CAs MUST NOT issue certificates
/// where policy constraints is an empty sequence: it would constrain nothing.
///
/// **Example**: `30 00` fails; `{requireExplicitPolicy 0}` passes; no policyConstraints is
/// not applicable.
pub struct PolicyConstraintsEmpty;

impl Rule for PolicyConstraintsEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_constraints_empty", Source::Rfc5280, Severity::Error)
            .summary("policyConstraints must not be an empty SEQUENCE")
            .citation("RFC 5280 §4.2.1.11")
            .scope(Scope::CA)
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::Extension(&ext::POLICY_CONSTRAINTS))
            .aliases(&["zlint:e_ext_policy_constraints_empty"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.policy_constraints() {
            Some(Ok(pc)) => Outcome::check(
                pc.value.require_explicit_policy.is_some() || pc.value.inhibit_policy_mapping.is_some(),
                "policyConstraints is an empty SEQUENCE",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.policy_constraints_not_critical`
///
/// **What it checks**: policyConstraints is marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.11 says conforming CAs MUST mark this extension
/// critical; a validator that skips it would accept paths the CA meant to constrain.
///
/// **Example**: a non-critical policyConstraints fails; a critical one passes; no
/// policyConstraints is not applicable.
pub struct PolicyConstraintsNotCritical;

impl Rule for PolicyConstraintsNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.policy_constraints_not_critical", Source::Rfc5280, Severity::Error)
                .summary("policyConstraints must be critical")
                .citation("RFC 5280 §4.2.1.11")
                .scope(Scope::CA)
                .effective(Time::ymd(2008, 5, 1))
                .needs(Need::Extension(&ext::POLICY_CONSTRAINTS))
                .aliases(&["zlint:e_ext_policy_constraints_not_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::POLICY_CONSTRAINTS) {
            Some(e) => Outcome::check(e.is_critical(), "policyConstraints is not marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.policy_constraints_in_non_ca`
///
/// **What it checks**: an end-entity certificate carries no policyConstraints.
///
/// **Why it matters**: RFC 5280 §4.2.1.11 describes the extension as usable in certificates
/// issued to CAs; it constrains paths through a CA.
///
/// **Example**: a leaf with policyConstraints fails; a leaf without passes; CA
/// certificates are not applicable.
pub struct PolicyConstraintsInNonCa;

impl Rule for PolicyConstraintsInNonCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.policy_constraints_in_non_ca", Source::Rfc5280, Severity::Error)
            .summary("policyConstraints must appear only in CA certificates")
            .citation("RFC 5280 §4.2.1.11")
            .scope(Scope::END_ENTITY)
            .aliases(&["pkilint:pkix.end_entity_policy_constraints_extension_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent_in_end_entity(cert, &ext::POLICY_CONSTRAINTS, "policyConstraints")
    }
}

/// `rfc5280.inhibit_any_policy_not_critical`
///
/// **What it checks**: inhibitAnyPolicy is marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.14 says conforming CAs MUST mark this extension
/// critical.
///
/// **Example**: a non-critical inhibitAnyPolicy fails; a critical one passes; no
/// inhibitAnyPolicy is not applicable.
pub struct InhibitAnyPolicyNotCritical;

impl Rule for InhibitAnyPolicyNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.inhibit_any_policy_not_critical", Source::Rfc5280, Severity::Error)
                .summary("inhibitAnyPolicy must be critical")
                .citation("RFC 5280 §4.2.1.14")
                .scope(Scope::CA)
                .effective(Time::ymd(2002, 4, 1))
                .needs(Need::Extension(&ext::INHIBIT_ANY_POLICY))
                .aliases(&["zlint:e_inhibit_any_policy_not_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::INHIBIT_ANY_POLICY) {
            Some(e) => Outcome::check(e.is_critical(), "inhibitAnyPolicy is not marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.inhibit_any_policy_in_non_ca`
///
/// **What it checks**: an end-entity certificate carries no inhibitAnyPolicy.
///
/// **Why it matters**: RFC 5280 §4.2.1.14 says the extension can be used in certificates
/// issued to CAs; it counts CA certificates below.
///
/// **Example**: a leaf with inhibitAnyPolicy fails; a leaf without passes; CA certificates
/// are not applicable.
pub struct InhibitAnyPolicyInNonCa;

impl Rule for InhibitAnyPolicyInNonCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.inhibit_any_policy_in_non_ca", Source::Rfc5280, Severity::Error)
            .summary("inhibitAnyPolicy must appear only in CA certificates")
            .citation("RFC 5280 §4.2.1.14")
            .scope(Scope::END_ENTITY)
            .aliases(&["pkilint:pkix.end_entity_inhibit_anypolicy_extension_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent_in_end_entity(cert, &ext::INHIBIT_ANY_POLICY, "inhibitAnyPolicy")
    }
}

/// `rfc5280.skip_certs_negative`
///
/// **What it checks**: requireExplicitPolicy, inhibitPolicyMapping and inhibitAnyPolicy are
/// not negative.
///
/// **Why it matters**: RFC 5280 §4.2.1.11 and §4.2.1.14 type them all `SkipCerts ::=
/// INTEGER (0..MAX)`: a count of certificates cannot be negative, and validators disagree
/// on what one would mean.
///
/// **Example**: inhibitAnyPolicy -1 fails; 0 passes; a CA with neither extension is not
/// applicable.
pub struct SkipCertsNegative;

impl Rule for SkipCertsNegative {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.skip_certs_negative", Source::Rfc5280, Severity::Error)
            .summary("SkipCerts values must not be negative")
            .citation("RFC 5280 §4.2.1.11, §4.2.1.14")
            .scope(Scope::CA)
            .needs(Need::AnyOf(&[
                Need::Extension(&ext::POLICY_CONSTRAINTS),
                Need::Extension(&ext::INHIBIT_ANY_POLICY),
            ]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let mut seen = false;
        if let Some(e) = cert.extension(&ext::POLICY_CONSTRAINTS) {
            if let Ok(seq) = Tlv::parse(e.value).and_then(|t| t.expect(tag::SEQUENCE)) {
                for item in seq.reader().flatten() {
                    seen = true;
                    if asn1::int_is_negative(item.value) {
                        let name = if item.tag == 0x80 { "requireExplicitPolicy" } else { "inhibitPolicyMapping" };
                        return Outcome::fail(format!("policyConstraints {name} is negative"));
                    }
                }
            }
        }
        if let Some(e) = cert.extension(&ext::INHIBIT_ANY_POLICY) {
            if let Ok(i) = Tlv::parse(e.value).and_then(|t| t.expect(tag::INTEGER)) {
                seen = true;
                if asn1::int_is_negative(i.value) {
                    return Outcome::fail("inhibitAnyPolicy is negative");
                }
            }
        }
        if seen {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ObjectIdentifier;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::{vec, vec::Vec};

    const P1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.3.4");
    const P2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.3.5");

    fn policy_info(id: &ObjectIdentifier, quals: &[Vec<u8>]) -> Vec<u8> {
        if quals.is_empty() {
            seq(&[&oid(id)])
        } else {
            seq(&[&oid(id), &seq_vec(quals)])
        }
    }

    fn cps(uri: &str) -> Vec<u8> {
        seq(&[&oid(&policy::QT_CPS), &tlv(tag::IA5_STRING, uri.as_bytes())])
    }

    fn notice(content: &[&[u8]]) -> Vec<u8> {
        seq(&[&oid(&policy::QT_UNOTICE), &seq(content)])
    }

    fn text(t: u8, s: &[u8]) -> Vec<u8> {
        tlv(t, s)
    }

    fn with_policies(b: CertBuilder, infos: &[Vec<u8>]) -> CertBuilder {
        b.ext(&ext::CERTIFICATE_POLICIES, false, &seq_vec(infos))
    }

    fn leaf_with(infos: &[Vec<u8>]) -> CertBuilder {
        with_policies(CertBuilder::leaf(), infos)
    }

    fn leaf_text(t: u8, s: &[u8]) -> CertBuilder {
        leaf_with(&[policy_info(&policy::DV, &[notice(&[&text(t, s)])])])
    }

    fn msg(rule: &'static dyn Rule, b: &CertBuilder) -> String {
        finding(rule, &b.build(), &Context::default()).1
    }

    #[test]
    fn empty_and_duplicate() {
        assert_status(&CertificatePoliciesEmpty, &CertBuilder::leaf(), Status::Pass);
        assert_status(&CertificatePoliciesEmpty, &leaf_with(&[]), Status::Error);
        assert_status(&CertificatePoliciesEmpty, &CertBuilder::root(), Status::NotApplicable);

        assert_status(&CertificatePolicyDuplicate, &CertBuilder::leaf(), Status::Pass);
        let dup = leaf_with(&[policy_info(&policy::DV, &[]), policy_info(&P1, &[]), policy_info(&policy::DV, &[])]);
        assert_eq!(msg(&CertificatePolicyDuplicate, &dup), "policy 2.23.140.1.2.1 appears more than once");
        assert_status(&CertificatePolicyDuplicate, &CertBuilder::root(), Status::NotApplicable);
        let old = dup.validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&CertificatePolicyDuplicate, &old, Status::NotEffective);
        let day_of = old.validity(Time::ymd(2008, 5, 1), Time::ymd(2009, 1, 1));
        assert_status(&CertificatePolicyDuplicate, &day_of, Status::Error);
    }

    #[test]
    fn qualifier_ids() {
        let odd = seq(&[&oid(&P2), &null()]);
        let any_ok = leaf_with(&[policy_info(&policy::ANY_POLICY, &[cps("http://cps.example")])]);
        let any_bad = leaf_with(&[policy_info(&policy::ANY_POLICY, core::slice::from_ref(&odd))]);
        assert_status(&AnyPolicyDisallowedQualifier, &any_ok, Status::Pass);
        assert_eq!(msg(&AnyPolicyDisallowedQualifier, &any_bad), "anyPolicy carries qualifier 1.2.3.5");
        assert_status(&AnyPolicyDisallowedQualifier, &CertBuilder::leaf(), Status::NotApplicable);
        // A strange qualifier on another policy is the SHOULD rule's business.
        let other_bad = leaf_with(&[policy_info(&P1, &[odd])]);
        assert_status(&AnyPolicyDisallowedQualifier, &other_bad, Status::NotApplicable);

        assert_status(&PolicyQualifierUnknown, &leaf_with(&[policy_info(&P1, &[cps("http://x")])]), Status::Pass);
        assert_eq!(msg(&PolicyQualifierUnknown, &other_bad), "policy 1.2.3.4 carries qualifier 1.2.3.5");
        assert_status(&PolicyQualifierUnknown, &any_bad, Status::NotApplicable);
        assert_status(&PolicyQualifierUnknown, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&PolicyHasQualifiers, &CertBuilder::leaf(), Status::Pass);
        assert_eq!(msg(&PolicyHasQualifiers, &any_ok), "policy 2.5.29.32.0 carries qualifiers");
        assert_status(&PolicyHasQualifiers, &CertBuilder::root(), Status::NotApplicable);
    }

    #[test]
    fn qualifier_syntax() {
        let good = leaf_with(&[policy_info(
            &P1,
            &[
                cps("http://x"),
                notice(&[&seq(&[&text(tag::UTF8_STRING, b"Org"), &seq(&[&int(1)])]), &text(tag::UTF8_STRING, b"Hi")]),
            ],
        )]);
        assert_status(&PolicyQualifierMalformed, &good, Status::Pass);
        let utf8_cps = seq(&[&oid(&policy::QT_CPS), &tlv(tag::UTF8_STRING, b"http://x")]);
        assert_eq!(
            msg(&PolicyQualifierMalformed, &leaf_with(&[policy_info(&P1, &[utf8_cps])])),
            "policy 1.2.3.4: the CPS pointer is UTF8String, not IA5String"
        );
        let not_seq = seq(&[&oid(&policy::QT_UNOTICE), &octet_string(b"x")]);
        assert_eq!(
            msg(&PolicyQualifierMalformed, &leaf_with(&[policy_info(&P1, &[not_seq])])),
            "policy 1.2.3.4: userNotice qualifier is not a SEQUENCE"
        );
        let stray = notice(&[&int(5)]);
        assert_status(&PolicyQualifierMalformed, &leaf_with(&[policy_info(&P1, &[stray])]), Status::Error);
        let empty = leaf_with(&[seq(&[&oid(&P1), &seq(&[])])]);
        assert_eq!(msg(&PolicyQualifierMalformed, &empty), "policy 1.2.3.4 has an empty policyQualifiers SEQUENCE");
        assert_status(&PolicyQualifierMalformed, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn notice_ref() {
        let nr = seq(&[&text(tag::UTF8_STRING, b"Org"), &seq(&[&int(1)])]);
        let with_ref = leaf_with(&[policy_info(&P1, &[notice(&[&nr])])]);
        assert_status(&UserNoticeHasNoticeRef, &with_ref, Status::Warn);
        assert_status(&UserNoticeHasNoticeRef, &leaf_text(tag::UTF8_STRING, b"Hi"), Status::Pass);
        assert_status(&UserNoticeHasNoticeRef, &CertBuilder::leaf(), Status::NotApplicable);
        let old = with_ref.validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&UserNoticeHasNoticeRef, &old, Status::NotEffective);
    }

    #[test]
    fn text_types() {
        let utf8 = leaf_text(tag::UTF8_STRING, b"Hello");
        let ia5 = leaf_text(tag::IA5_STRING, b"Hello");
        let bmp = leaf_text(tag::BMP_STRING, &[0, b'H', 0, b'i']);
        let visible = leaf_text(tag::VISIBLE_STRING, b"Hello");

        assert_status(&ExplicitTextIa5string, &utf8, Status::Pass);
        assert_status(&ExplicitTextIa5string, &ia5, Status::Error);
        assert_status(&ExplicitTextIa5string, &CertBuilder::leaf(), Status::NotApplicable);
        let before = ia5.clone().validity(Time::ymd(2012, 12, 31), Time::ymd(2013, 6, 1));
        assert_status(&ExplicitTextIa5string, &before, Status::NotEffective);
        let day_of = ia5.clone().validity(Time::ymd(2013, 1, 1), Time::ymd(2013, 6, 1));
        assert_status(&ExplicitTextIa5string, &day_of, Status::Error);

        let old = |b: &CertBuilder| b.clone().validity(Time::ymd(2010, 1, 1), Time::ymd(2011, 1, 1));
        assert_status(&ExplicitTextVisibleOrBmpString, &old(&utf8), Status::Pass);
        assert_eq!(msg(&ExplicitTextVisibleOrBmpString, &old(&bmp)), "explicitText is a BMPString");
        assert_status(&ExplicitTextVisibleOrBmpString, &old(&visible), Status::Notice);
        assert_status(&ExplicitTextVisibleOrBmpString, &old(&CertBuilder::leaf()), Status::NotApplicable);
        let last = bmp.clone().validity(Time::ymd(2012, 12, 31), Time::ymd(2013, 6, 1));
        assert_status(&ExplicitTextVisibleOrBmpString, &last, Status::Notice);
        let gone = bmp.clone().validity(Time::ymd(2013, 1, 1), Time::ymd(2013, 6, 1));
        assert_status(&ExplicitTextVisibleOrBmpString, &gone, Status::NotEffective);

        assert_status(&ExplicitTextNotUtf8string, &utf8, Status::Pass);
        assert_status(&ExplicitTextNotUtf8string, &ia5, Status::Pass);
        assert_eq!(msg(&ExplicitTextNotUtf8string, &visible), "explicitText is a VisibleString, not a UTF8String");
        assert_status(&ExplicitTextNotUtf8string, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn text_content() {
        let long: Vec<u8> = "é".repeat(201).into_bytes();
        let max: Vec<u8> = "é".repeat(200).into_bytes();
        assert_status(&ExplicitTextTooLong, &leaf_text(tag::UTF8_STRING, &max), Status::Pass);
        assert_eq!(
            msg(&ExplicitTextTooLong, &leaf_text(tag::UTF8_STRING, &long)),
            "explicitText has 201 characters; at most 200 are allowed"
        );
        let bmp_long: Vec<u8> = core::iter::repeat([0u8, b'a']).take(201).flatten().collect();
        assert_status(&ExplicitTextTooLong, &leaf_text(tag::BMP_STRING, &bmp_long), Status::Error);
        assert_status(&ExplicitTextTooLong, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&ExplicitTextEmpty, &leaf_text(tag::UTF8_STRING, b"x"), Status::Pass);
        assert_eq!(msg(&ExplicitTextEmpty, &leaf_text(tag::UTF8_STRING, b"")), "explicitText is an empty UTF8String");
        assert_status(&ExplicitTextEmpty, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&ExplicitTextControlCharacters, &leaf_text(tag::UTF8_STRING, b"Terms apply"), Status::Pass);
        assert_eq!(
            msg(&ExplicitTextControlCharacters, &leaf_text(tag::UTF8_STRING, b"Terms\napply")),
            "explicitText contains the control character U+000A"
        );
        let c1 = leaf_text(tag::UTF8_STRING, "a\u{85}b".as_bytes());
        assert_status(&ExplicitTextControlCharacters, &c1, Status::Warn);
        assert_status(&ExplicitTextControlCharacters, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&ExplicitTextNotNfc, &leaf_text(tag::UTF8_STRING, "caf\u{e9}".as_bytes()), Status::Pass);
        assert_eq!(
            msg(&ExplicitTextNotNfc, &leaf_text(tag::UTF8_STRING, "cafe\u{301}".as_bytes())),
            "the UTF8String explicitText is not in Unicode NFC"
        );
        let bmp = leaf_text(tag::BMP_STRING, &[0, b'e', 0x03, 0x01]);
        assert_status(&ExplicitTextNotNfc, &bmp, Status::Warn);
        assert_status(&ExplicitTextNotNfc, &leaf_text(tag::IA5_STRING, b"x"), Status::NotApplicable);
        assert_status(&ExplicitTextNotNfc, &CertBuilder::leaf(), Status::NotApplicable);
    }

    fn ca_mappings(pairs: &[(&ObjectIdentifier, &ObjectIdentifier)], critical: bool) -> CertBuilder {
        let items: Vec<Vec<u8>> = pairs.iter().map(|(i, s)| seq(&[&oid(i), &oid(s)])).collect();
        let b = with_policies(CertBuilder::sub_ca(), &[policy_info(&P1, &[])]);
        b.ext(&ext::POLICY_MAPPINGS, critical, &seq_vec(&items))
    }

    #[test]
    fn mappings() {
        let good = ca_mappings(&[(&P1, &P2)], true);
        assert_status(&PolicyMappingsEmpty, &good, Status::Pass);
        assert_status(&PolicyMappingsEmpty, &ca_mappings(&[], true), Status::Error);
        assert_status(&PolicyMappingsEmpty, &CertBuilder::sub_ca(), Status::NotApplicable);

        assert_status(&PolicyMappingAnyPolicy, &good, Status::Pass);
        assert_eq!(
            msg(&PolicyMappingAnyPolicy, &ca_mappings(&[(&P1, &policy::ANY_POLICY)], true)),
            "policyMappings maps 1.2.3.4 to 2.5.29.32.0: anyPolicy cannot be mapped"
        );
        assert_status(&PolicyMappingAnyPolicy, &ca_mappings(&[(&policy::ANY_POLICY, &P2)], true), Status::Error);
        assert_status(&PolicyMappingAnyPolicy, &CertBuilder::sub_ca(), Status::NotApplicable);

        assert_status(&PolicyMappingsNotCritical, &good, Status::Pass);
        assert_status(&PolicyMappingsNotCritical, &ca_mappings(&[(&P1, &P2)], false), Status::Warn);
        assert_status(&PolicyMappingsNotCritical, &CertBuilder::sub_ca(), Status::NotApplicable);

        assert_status(&PolicyMappingIssuerPolicyNotAsserted, &good, Status::Pass);
        assert_eq!(
            msg(&PolicyMappingIssuerPolicyNotAsserted, &ca_mappings(&[(&P2, &P1)], true)),
            "issuerDomainPolicy 1.2.3.5 is not asserted in certificatePolicies"
        );
        let any = with_policies(ca_mappings(&[(&P2, &P1)], true), &[policy_info(&policy::ANY_POLICY, &[])]);
        assert_status(&PolicyMappingIssuerPolicyNotAsserted, &any, Status::Pass);
        assert_status(&PolicyMappingIssuerPolicyNotAsserted, &CertBuilder::sub_ca(), Status::NotApplicable);

        let leaf = CertBuilder::leaf().ext(&ext::POLICY_MAPPINGS, true, &seq(&[&seq(&[&oid(&P1), &oid(&P2)])]));
        assert_status(&PolicyMappingsInNonCa, &CertBuilder::leaf(), Status::Pass);
        assert_eq!(msg(&PolicyMappingsInNonCa, &leaf), "policyMappings appears in a certificate that is not a CA");
        assert_status(&PolicyMappingsInNonCa, &good, Status::NotApplicable);
    }

    #[test]
    fn constraints_and_inhibit() {
        let pc = |content: &[&[u8]], critical: bool| {
            CertBuilder::sub_ca().ext(&ext::POLICY_CONSTRAINTS, critical, &seq(content))
        };
        let good = pc(&[&ctx_prim(0, &[0])], true);
        assert_status(&PolicyConstraintsEmpty, &good, Status::Pass);
        assert_status(&PolicyConstraintsEmpty, &pc(&[], true), Status::Error);
        assert_status(&PolicyConstraintsEmpty, &CertBuilder::sub_ca(), Status::NotApplicable);

        assert_status(&PolicyConstraintsNotCritical, &good, Status::Pass);
        assert_status(&PolicyConstraintsNotCritical, &pc(&[&ctx_prim(1, &[0])], false), Status::Error);
        assert_status(&PolicyConstraintsNotCritical, &CertBuilder::sub_ca(), Status::NotApplicable);
        let old = pc(&[&ctx_prim(1, &[0])], false).validity(Time::ymd(2008, 4, 30), Time::ymd(2010, 1, 1));
        assert_status(&PolicyConstraintsNotCritical, &old, Status::NotEffective);

        let leaf_pc = CertBuilder::leaf().ext(&ext::POLICY_CONSTRAINTS, true, &seq(&[&ctx_prim(0, &[0])]));
        assert_status(&PolicyConstraintsInNonCa, &CertBuilder::leaf(), Status::Pass);
        assert_status(&PolicyConstraintsInNonCa, &leaf_pc, Status::Error);
        assert_status(&PolicyConstraintsInNonCa, &good, Status::NotApplicable);

        let iap = |v: &[u8], critical: bool| {
            CertBuilder::sub_ca().ext(&ext::INHIBIT_ANY_POLICY, critical, &tlv(tag::INTEGER, v))
        };
        assert_status(&InhibitAnyPolicyNotCritical, &iap(&[0], true), Status::Pass);
        assert_status(&InhibitAnyPolicyNotCritical, &iap(&[0], false), Status::Error);
        assert_status(&InhibitAnyPolicyNotCritical, &CertBuilder::sub_ca(), Status::NotApplicable);

        let leaf_iap = CertBuilder::leaf().ext(&ext::INHIBIT_ANY_POLICY, true, &int(0));
        assert_status(&InhibitAnyPolicyInNonCa, &CertBuilder::leaf(), Status::Pass);
        assert_status(&InhibitAnyPolicyInNonCa, &leaf_iap, Status::Error);
        assert_status(&InhibitAnyPolicyInNonCa, &iap(&[0], true), Status::NotApplicable);

        assert_status(&SkipCertsNegative, &iap(&[0], true), Status::Pass);
        assert_status(&SkipCertsNegative, &good, Status::Pass);
        assert_eq!(msg(&SkipCertsNegative, &iap(&[0xff], true)), "inhibitAnyPolicy is negative");
        assert_eq!(
            msg(&SkipCertsNegative, &pc(&[&ctx_prim(1, &[0x80])], true)),
            "policyConstraints inhibitPolicyMapping is negative"
        );
        assert_status(&SkipCertsNegative, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    /// Policy sets that pass or fail each memoized rule, with a CPS, several notices and
    /// texts of every type.
    fn policy_cases() -> Vec<Certificate> {
        let odd = seq(&[&oid(&P2), &null()]);
        let nr = seq(&[&text(tag::UTF8_STRING, b"Org"), &seq(&[&int(1)])]);
        let long: Vec<u8> = "é".repeat(201).into_bytes();
        let texts: Vec<Vec<u8>> = [
            (tag::UTF8_STRING, &b"Hello"[..]),
            (tag::IA5_STRING, b"Hi"),
            (tag::VISIBLE_STRING, b"Hi"),
            (tag::BMP_STRING, &[0, b'e', 0x03, 0x01]),
            (tag::BMP_STRING, &[0, b'e', 0x03]),
            (tag::UTF8_STRING, b""),
            (tag::UTF8_STRING, b"a\nb"),
            (tag::UTF8_STRING, b"\xff"),
            (tag::UTF8_STRING, "cafe\u{301}".as_bytes()),
            (tag::UTF8_STRING, &long),
        ]
        .iter()
        .map(|(t, s)| notice(&[&text(*t, s)]))
        .collect();
        let mut sets: Vec<Vec<Vec<u8>>> = vec![
            vec![],
            vec![policy_info(&policy::DV, &[])],
            vec![policy_info(&P1, &[]), policy_info(&P2, &[]), policy_info(&P1, &[])],
            vec![policy_info(&policy::ANY_POLICY, &[cps("http://x")])],
            vec![policy_info(&policy::ANY_POLICY, core::slice::from_ref(&odd))],
            vec![policy_info(&P1, core::slice::from_ref(&odd)), policy_info(&policy::ANY_POLICY, &[])],
            vec![seq(&[&oid(&P1), &seq(&[])])],
            vec![policy_info(&P1, &[seq(&[&oid(&policy::QT_CPS), &tlv(tag::UTF8_STRING, b"x")])])],
            vec![policy_info(&P1, &[seq(&[&oid(&policy::QT_UNOTICE), &octet_string(b"x")])])],
            vec![policy_info(&P1, &[notice(&[&int(5)])])],
            vec![policy_info(&P1, &[notice(&[&nr])])],
            vec![policy_info(&P1, &[notice(&[&nr, &text(tag::UTF8_STRING, b"x")]), cps("http://x")])],
        ];
        for t in &texts {
            sets.push(vec![policy_info(&P1, core::slice::from_ref(t))]);
            sets.push(vec![policy_info(&P1, &[texts[0].clone(), t.clone()]), policy_info(&P2, &[cps("http://x")])]);
        }
        let mut certs: Vec<Certificate> = sets.iter().map(|s| leaf_with(s).build()).collect();
        certs.push(CertBuilder::root().build());
        certs.push(CertBuilder::leaf().build());
        certs
    }

    #[test]
    fn dotted_oids_read_as_displayed() {
        let raw: [&[u8]; 6] = [
            &[0],
            &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b],
            &[0x67, 0x81, 0x0c, 0x01, 0x02, 0x01],
            &[0x88, 0x37, 0x8f, 0xff, 0xff, 0xff, 0x7f],
            &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x00],
            &[0x01, 0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
        ];
        for bytes in raw {
            let mut s = String::new();
            let id = Oid::new(bytes).unwrap();
            push_dotted(&mut s, id);
            assert_eq!(s, alloc::format!("{id}"));
        }
    }

    #[test]
    fn cached_policy_facts_give_the_direct_verdicts() {
        type Direct = (&'static dyn Rule, fn(&Certificate) -> Outcome);
        let rules: [Direct; 14] = [
            (&CertificatePoliciesEmpty, |c| CertificatePoliciesEmpty.direct(c)),
            (&CertificatePolicyDuplicate, |c| CertificatePolicyDuplicate.direct(c)),
            (&AnyPolicyDisallowedQualifier, |c| AnyPolicyDisallowedQualifier.direct(c)),
            (&PolicyQualifierUnknown, |c| PolicyQualifierUnknown.direct(c)),
            (&PolicyQualifierMalformed, |c| PolicyQualifierMalformed.direct(c)),
            (&PolicyHasQualifiers, |c| PolicyHasQualifiers.direct(c)),
            (&UserNoticeHasNoticeRef, |c| UserNoticeHasNoticeRef.direct(c)),
            (&ExplicitTextIa5string, |c| ExplicitTextIa5string.direct(c)),
            (&ExplicitTextVisibleOrBmpString, |c| ExplicitTextVisibleOrBmpString.direct(c)),
            (&ExplicitTextNotUtf8string, |c| ExplicitTextNotUtf8string.direct(c)),
            (&ExplicitTextTooLong, |c| ExplicitTextTooLong.direct(c)),
            (&ExplicitTextEmpty, |c| ExplicitTextEmpty.direct(c)),
            (&ExplicitTextControlCharacters, |c| ExplicitTextControlCharacters.direct(c)),
            (&ExplicitTextNotNfc, |c| ExplicitTextNotNfc.direct(c)),
        ];
        let mut failures = [0; 14];
        for cert in policy_cases() {
            for (i, (rule, direct)) in rules.iter().enumerate() {
                let want = direct(&cert);
                failures[i] += usize::from(matches!(want, Outcome::Fail(_)));
                assert_eq!(rule.check(&cert, &Context::default()), want, "{}", rule.meta().id());
            }
        }
        // Every rule met a failing certificate.
        assert!(failures.iter().all(|&n| n > 0), "{failures:?}");
    }
}
