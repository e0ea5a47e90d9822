//! Extensions in general (RFC 5280 §4.2): duplicates, decodability, DER of the
//! criticality flag.

use alloc::format;

use crate::asn1::{self, tag, Reader, Tlv};
use crate::cert::{extension_name, Critical, Extension};
use crate::oid::{access, ext, ObjectIdentifier, Oid};
use crate::Scope;

use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

use super::san::verdict;

pub(crate) static RULES: &[&dyn Rule] = &[
    &ExtensionDuplicate,
    &ExtensionMalformed,
    &ExtensionCriticalDefaultEncoded,
    &ExtensionValueNotDer,
    &ExtensionValueEmptySequence,
    &SubjectDirectoryAttributesCritical,
    &UnknownCriticalExtension,
    &NoRevAvailCritical,
    &NoRevAvailValueNotNull,
    &NoRevAvailInCa,
    &NoRevAvailWithCrlPointer,
    &NoRevAvailWithOcsp,
    &SmimeCapabilitiesCritical,
    &QcStatementSyntaxV1,
];

/// S/MIME capabilities (RFC 4262).
const SMIME_CAPABILITIES: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.15");
/// id-qcs-pkixQCSyntax-v1 (RFC 3039, obsoleted by RFC 3739).
const QCS_PKIX_SYNTAX_V1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.11.1");

/// `rfc5280.extension_duplicate`
///
/// **What it checks**: no extension identifier appears twice.
///
/// **Why it matters**: RFC 5280 §4.2 says a certificate MUST NOT include more than one
/// instance of a particular extension; with two, parsers pick different ones.
///
/// **Example**: two subjectAltName extensions fail; one passes; a certificate without
/// extensions is not applicable.
pub struct ExtensionDuplicate;

impl Rule for ExtensionDuplicate {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.extension_duplicate", Source::Rfc5280, Severity::Error)
            .summary("an extension must not appear more than once")
            .citation("RFC 5280 §4.2")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_ext_duplicate_extension", "pkilint:pkix.duplicate_extension"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let n = cert.extensions().len();
        if n == 0 {
            return Outcome::NotApplicable;
        }
        let duplicate = if n <= 32 {
            // The common case: a handful of extensions, their identifiers compared pairwise
            // on the stack.
            let mut ids: [&[u8]; 32] = [&[]; 32];
            let mut found = None;
            for (i, e) in cert.extensions().enumerate() {
                let seen = ids.get(..i).unwrap_or_default();
                if seen.contains(&e.oid_raw) {
                    found = Some(e);
                    break;
                }
                if let Some(slot) = ids.get_mut(i) {
                    *slot = e.oid_raw;
                }
            }
            found
        } else {
            // Thousands of extensions: sort instead of comparing every pair.
            let mut all: alloc::vec::Vec<_> = cert.extensions().collect();
            all.sort_by(|a, b| a.oid_raw.cmp(b.oid_raw));
            all.windows(2).find(|w| matches!(w, [a, b] if a.oid_raw == b.oid_raw)).and_then(|w| w.first().copied())
        };
        match duplicate {
            Some(e) => {
                let name = e.oid.map_or_else(|| "?".into(), |o| format!("{o}"));
                Outcome::fail(format!("extension {name} ({}) appears more than once", extension_name(e.oid_raw)))
            }
            None => Outcome::Pass,
        }
    }
}

/// `rfc5280.extension_malformed`
///
/// **What it checks**: every extension is a well-formed `Extension` SEQUENCE, and every
/// extension this crate knows decodes according to its ASN.1 syntax.
///
/// **Why it matters**: RFC 5280 §4.2 defines each extension's syntax; a value that does
/// not decode cannot be processed, and a critical one makes the certificate unusable.
/// Rules about the broken extension's content are not applicable; this rule names it.
///
/// **Example**: a basicConstraints whose value is an OCTET STRING instead of a SEQUENCE
/// fails; well-formed extensions pass; no extensions is not applicable.
pub struct ExtensionMalformed;

impl Rule for ExtensionMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.extension_malformed", Source::Rfc5280, Severity::Fatal)
            .summary("extensions must decode according to their syntax")
            .citation("RFC 5280 §4.2")
            .aliases(&["pkilint:pkix.sct_list_extension_invalid_encoding"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.extensions().len() == 0 {
            return Outcome::NotApplicable;
        }
        // The first accessor, in this order, that reports an error names it; each is asked
        // only if the ones before it had none.
        macro_rules! first_error {
            ($($accessor:ident),*) => {$(
                if let Some(Err(m)) = cert.$accessor() {
                    return Outcome::fail(format!("{m}"));
                }
            )*};
        }
        first_error!(
            basic_constraints,
            key_usage,
            ext_key_usage,
            subject_alt_name,
            issuer_alt_name,
            certificate_policies,
            authority_key_identifier,
            subject_key_identifier,
            authority_info_access,
            subject_info_access,
            crl_distribution_points,
            freshest_crl,
            name_constraints,
            policy_constraints,
            policy_mappings,
            inhibit_any_policy,
            sct_list
        );
        if let Some(e) = cert.extensions().find(|e| e.error.is_some()) {
            let why = e.error.map(|r| format!("{r}")).unwrap_or_default();
            return Outcome::fail(format!("an Extension element cannot be read: {why}"));
        }
        Outcome::Pass
    }
}

/// `rfc5280.der_explicit_default_critical`
///
/// **What it checks**: no extension encodes `critical` as an explicit FALSE.
///
/// **Why it matters**: `critical` is `BOOLEAN DEFAULT FALSE` (RFC 5280 §4.1); DER
/// (X.690 §11.5) requires a value equal to its DEFAULT to be omitted, so an explicit
/// FALSE makes the certificate non-DER and re-encoding changes its bytes.
///
/// **Example**: `30 0c 06 03 55 1d 13 01 01 00 04 02 30 00` fails; the same extension
/// without the `01 01 00` passes.
pub struct ExtensionCriticalDefaultEncoded;

impl Rule for ExtensionCriticalDefaultEncoded {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.der_explicit_default_critical", Source::Rfc5280, Severity::Error)
                .summary("an extension's critical flag must be omitted when FALSE")
                .citation("RFC 5280 §4.1; X.690 §11.5")
                .aliases(&["zlint:e_cert_ext_invalid_der"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.extensions().len() == 0 {
            return Outcome::NotApplicable;
        }
        match cert.extensions().find(|e| e.critical == Critical::ExplicitFalse) {
            Some(e) => Outcome::fail(format!("{} encodes critical FALSE explicitly", extension_name(e.oid_raw))),
            None => Outcome::Pass,
        }
    }
}

/// Whether an extension is one this crate knows the syntax of.
fn is_known(e: &Extension<'_>) -> bool {
    extension_name(e.oid_raw) != "extension"
}

fn ext_label(e: &Extension<'_>) -> alloc::string::String {
    match (extension_name(e.oid_raw), e.oid) {
        ("extension", Some(o)) => format!("extension {o}"),
        ("extension", None) => "an extension with a malformed identifier".into(),
        (n, _) => n.into(),
    }
}

/// `rfc5280.extension_value_not_der`
///
/// **What it checks**: the extnValue of every extension this crate knows is DER: minimal
/// lengths, canonical BOOLEANs and INTEGERs, zero unused bits, sorted SET OF.
///
/// **Why it matters**: RFC 5280 §4.1 and §4.2 make extnValue the DER encoding of the
/// extension's ASN.1 type. The certificate-wide DER check cannot see inside the OCTET
/// STRING; a BER value there decodes differently in different parsers and breaks
/// re-encoding. Values that do not decode at all are `rfc5280.extension_malformed`'s.
///
/// **Example**: a basicConstraints value `30 03 01 01 01` (TRUE as 0x01) fails;
/// `30 03 01 01 ff` passes; a certificate without known extensions is not applicable.
pub struct ExtensionValueNotDer;

impl Rule for ExtensionValueNotDer {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.extension_value_not_der", Source::Rfc5280, Severity::Error)
            .summary("extension values must be DER-encoded")
            .citation("RFC 5280 §4.1, §4.2; X.690 §10")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_cert_ext_invalid_der", "zlint:e_basic_constr_invalid_der"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !super::encoding::may_have_non_der_values(cert) {
            // Nothing can fail: the verdict hangs on whether any known extension exists.
            return if cert.extensions().any(|e| e.error.is_none() && is_known(&e)) {
                Outcome::Pass
            } else {
                Outcome::NotApplicable
            };
        }
        let known = cert.extensions().filter(|e| e.error.is_none() && is_known(e));
        verdict(known, |e| {
            asn1::first_non_der(e.value)
                .map(|v| format!("{} value is not DER: {} (at byte {} of extnValue)", ext_label(&e), v.what, v.offset))
        })
    }
}

/// `rfc5280.extension_value_empty_sequence`
///
/// **What it checks**: certificatePolicies, extKeyUsage, cRLDistributionPoints,
/// freshestCRL, authorityInfoAccess, subjectInfoAccess, policyMappings and
/// subjectDirectoryAttributes are not empty sequences.
///
/// **Why it matters**: each of these is `SEQUENCE SIZE (1..MAX) OF` in RFC 5280 §4.2; an
/// empty one is not a value of its type, says nothing, and strict decoders reject it.
/// (Empty subjectAltName and issuerAltName are `rfc5280.alt_name_no_entries`'s.)
///
/// **Example**: `extKeyUsage: SEQUENCE {}` fails; one purpose passes; a certificate
/// without these extensions is not applicable.
pub struct ExtensionValueEmptySequence;

/// The need of `rfc5280.extension_value_empty_sequence`: one of the extensions it reads.
const NON_EMPTY_SEQUENCE_EXTENSIONS: &[Need] = &[
    Need::Extension(&ext::CERTIFICATE_POLICIES),
    Need::Extension(&ext::EXT_KEY_USAGE),
    Need::Extension(&ext::CRL_DISTRIBUTION_POINTS),
    Need::Extension(&ext::FRESHEST_CRL),
    Need::Extension(&ext::AUTHORITY_INFO_ACCESS),
    Need::Extension(&ext::SUBJECT_INFO_ACCESS),
    Need::Extension(&ext::POLICY_MAPPINGS),
    Need::Extension(&ext::SUBJECT_DIRECTORY_ATTRIBUTES),
];

impl Rule for ExtensionValueEmptySequence {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.extension_value_empty_sequence", Source::Rfc5280, Severity::Error)
                .summary("SEQUENCE SIZE (1..MAX) extensions must not be empty")
                .citation("RFC 5280 §4.2")
                .effective(Time::ymd(1999, 1, 1))
                .needs(Need::AnyOf(NON_EMPTY_SEQUENCE_EXTENSIONS))
                .aliases(&["zlint:e_ext_cannot_be_empty_sequence"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        const NON_EMPTY: [ObjectIdentifier; 8] = [
            ext::CERTIFICATE_POLICIES,
            ext::EXT_KEY_USAGE,
            ext::CRL_DISTRIBUTION_POINTS,
            ext::FRESHEST_CRL,
            ext::AUTHORITY_INFO_ACCESS,
            ext::SUBJECT_INFO_ACCESS,
            ext::POLICY_MAPPINGS,
            ext::SUBJECT_DIRECTORY_ATTRIBUTES,
        ];
        // Most identifiers are id-ce arcs: compare the last octet of those first.
        let ce = |n: u8| [0x55, 0x1d, n];
        let ce_arcs: [[u8; 3]; 6] = [
            ce(32), // certificatePolicies
            ce(37), // extKeyUsage
            ce(31), // cRLDistributionPoints
            ce(46), // freshestCRL
            ce(33), // policyMappings
            ce(9),  // subjectDirectoryAttributes
        ];
        debug_assert!(ce_arcs.iter().all(|a| NON_EMPTY.iter().any(|o| o.as_bytes() == a)));
        let listed = |id: &[u8]| match id {
            [0x55, 0x1d, _] => ce_arcs.iter().any(|a| a == id),
            _ => NON_EMPTY.iter().any(|o| o.as_bytes() == id),
        };
        let items = cert.extensions().filter(|e| listed(e.oid_raw));
        verdict(items, |e| {
            Tlv::parse(e.value)
                .is_ok_and(|t| t.tag == tag::SEQUENCE && t.value.is_empty())
                .then(|| format!("{} is an empty SEQUENCE", ext_label(&e)))
        })
    }
}

/// `rfc5280.subject_directory_attributes_critical`
///
/// **What it checks**: subjectDirectoryAttributes is not marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.8 says conforming CAs MUST mark this extension
/// non-critical; it carries descriptive attributes that relying parties may ignore.
///
/// **Example**: a critical subjectDirectoryAttributes fails; a non-critical one passes;
/// none is not applicable.
pub struct SubjectDirectoryAttributesCritical;

impl Rule for SubjectDirectoryAttributesCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.subject_directory_attributes_critical", Source::Rfc5280, Severity::Error)
                .summary("subjectDirectoryAttributes must not be critical")
                .citation("RFC 5280 §4.2.1.8")
                .effective(Time::ymd(1999, 1, 1))
                .needs(Need::Extension(&ext::SUBJECT_DIRECTORY_ATTRIBUTES))
                .aliases(&[
                    "zlint:e_ext_subject_directory_attr_critical",
                    "pkilint:pkix.subject_directory_attributes_extension_critical",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::SUBJECT_DIRECTORY_ATTRIBUTES) {
            Some(e) => Outcome::check(!e.is_critical(), "subjectDirectoryAttributes is marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.unknown_critical_extension`
///
/// **What it checks**: every critical extension is one this crate recognises (the RFC 5280
/// extensions and the companions it implements: CT poison and SCT list, TLS feature,
/// noRevAvail, qcStatements, ocspNoCheck, logotype, S/MIME capabilities, and a few legacy
/// vendor extensions).
///
/// **Why it matters**: RFC 5280 §4.2 says a relying party MUST reject a certificate with a
/// critical extension it does not recognise; an unusual critical extension risks the
/// certificate being unusable in ordinary clients.
///
/// **Example**: a critical extension `1.2.3.4` warns; critical basicConstraints and
/// keyUsage pass; a certificate without extensions is not applicable.
pub struct UnknownCriticalExtension;

impl Rule for UnknownCriticalExtension {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.unknown_critical_extension", Source::Rfc5280, Severity::Warn)
            .summary("critical extensions should be ones that relying parties recognise")
            .citation("RFC 5280 §4.2");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        const ALSO_KNOWN: [ObjectIdentifier; 7] = [
            SMIME_CAPABILITIES,
            ext::LOGOTYPE,
            ext::MS_CERTIFICATE_TEMPLATE_NAME,
            ext::MS_CERTIFICATE_TEMPLATE,
            ext::MS_CA_VERSION,
            ext::MS_APPLICATION_POLICIES,
            ext::NETSCAPE_CERT_TYPE,
        ];
        if cert.extensions().len() == 0 {
            return Outcome::NotApplicable;
        }
        let unknown = cert.extensions().find(|e| {
            e.error.is_none()
                && e.is_critical()
                && !is_known(e)
                && !ALSO_KNOWN.iter().any(|o| o.as_bytes() == e.oid_raw)
        });
        match unknown {
            Some(e) => Outcome::fail(format!("{} is critical but not a recognised extension", ext_label(&e))),
            None => Outcome::Pass,
        }
    }
}

/// `rfc9608.no_rev_avail_critical`
///
/// **What it checks**: the noRevAvail extension (2.5.29.56) is not critical.
///
/// **Why it matters**: RFC 9608 §2 says the extension MUST be non-critical: relying parties
/// that do not know it simply find no revocation pointers, which is what it announces.
///
/// **Example**: a critical noRevAvail fails; a non-critical one passes; none is not
/// applicable.
pub struct NoRevAvailCritical;

impl Rule for NoRevAvailCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9608.no_rev_avail_critical", Source::Rfc5280, Severity::Error)
            .summary("noRevAvail must not be critical")
            .citation("RFC 9608 §2")
            .effective(Time::ymd(2024, 6, 1))
            .needs(Need::Extension(&ext::NO_REV_AVAIL));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::NO_REV_AVAIL) {
            Some(e) => Outcome::check(!e.is_critical(), "noRevAvail is marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc9608.no_rev_avail_value_not_null`
///
/// **What it checks**: the noRevAvail extnValue is exactly the DER NULL `05 00`.
///
/// **Why it matters**: RFC 9608 §2 defines the extension's value as `NULL`; anything else
/// is not the extension.
///
/// **Example**: extnValue `05 00` passes; `30 00` fails; no noRevAvail is not applicable.
pub struct NoRevAvailValueNotNull;

impl Rule for NoRevAvailValueNotNull {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9608.no_rev_avail_value_not_null", Source::Rfc5280, Severity::Error)
            .summary("the noRevAvail value must be NULL")
            .citation("RFC 9608 §2")
            .effective(Time::ymd(2024, 6, 1))
            .needs(Need::Extension(&ext::NO_REV_AVAIL));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::NO_REV_AVAIL) {
            Some(e) if e.error.is_none() => match e.value {
                [0x05, 0x00] => Outcome::Pass,
                v => Outcome::fail(format!("noRevAvail value is {} octets other than NULL (05 00)", v.len())),
            },
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc9608.no_rev_avail_in_ca`
///
/// **What it checks**: a CA certificate (basicConstraints cA TRUE) does not carry
/// noRevAvail.
///
/// **Why it matters**: RFC 9608 §2 and §4 say noRevAvail MUST NOT be present in a CA
/// certificate: a CA that cannot be revoked cannot be removed from the PKI short of
/// distrusting its issuer.
///
/// **Example**: a sub-CA with noRevAvail fails; one without passes; end entities are not
/// applicable.
pub struct NoRevAvailInCa;

impl Rule for NoRevAvailInCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9608.no_rev_avail_in_ca", Source::Rfc5280, Severity::Error)
            .summary("noRevAvail must not appear in CA certificates")
            .citation("RFC 9608 §2, §4")
            .effective(Time::ymd(2024, 6, 1))
            .scope(Scope::CA);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.is_ca() {
            return Outcome::NotApplicable;
        }
        Outcome::check(!cert.has_extension(&ext::NO_REV_AVAIL), "noRevAvail appears in a CA certificate")
    }
}

/// `rfc9608.no_rev_avail_with_crl_pointer`
///
/// **What it checks**: a certificate with noRevAvail carries neither
/// cRLDistributionPoints nor freshestCRL.
///
/// **Why it matters**: RFC 9608 §4 says a certificate with noRevAvail MUST NOT include
/// these extensions: it would announce both that no revocation information exists and
/// where to find it.
///
/// **Example**: noRevAvail with a CRL DP fails; noRevAvail alone passes; a certificate
/// without noRevAvail is not applicable.
pub struct NoRevAvailWithCrlPointer;

impl Rule for NoRevAvailWithCrlPointer {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9608.no_rev_avail_with_crl_pointer", Source::Rfc5280, Severity::Error)
                .summary("noRevAvail must not be combined with CRL distribution points or freshestCRL")
                .citation("RFC 9608 §4")
                .effective(Time::ymd(2024, 6, 1))
                .needs(Need::Extension(&ext::NO_REV_AVAIL));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.has_extension(&ext::NO_REV_AVAIL) {
            return Outcome::NotApplicable;
        }
        if cert.has_extension(&ext::CRL_DISTRIBUTION_POINTS) {
            return Outcome::fail("noRevAvail is present together with cRLDistributionPoints");
        }
        Outcome::check(!cert.has_extension(&ext::FRESHEST_CRL), "noRevAvail is present together with freshestCRL")
    }
}

/// `rfc9608.no_rev_avail_with_ocsp`
///
/// **What it checks**: a certificate with noRevAvail has no id-ad-ocsp access description
/// in authorityInfoAccess.
///
/// **Why it matters**: RFC 9608 §4 says a certificate with noRevAvail MUST NOT name an
/// OCSP responder: there is no revocation status to ask for.
///
/// **Example**: noRevAvail with an AIA OCSP URI fails; with only caIssuers it passes; a
/// certificate without noRevAvail is not applicable.
pub struct NoRevAvailWithOcsp;

impl Rule for NoRevAvailWithOcsp {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9608.no_rev_avail_with_ocsp", Source::Rfc5280, Severity::Error)
            .summary("noRevAvail must not be combined with an AIA OCSP location")
            .citation("RFC 9608 §4")
            .effective(Time::ymd(2024, 6, 1))
            .needs(Need::Extension(&ext::NO_REV_AVAIL));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.has_extension(&ext::NO_REV_AVAIL) {
            return Outcome::NotApplicable;
        }
        let ocsp = match cert.authority_info_access() {
            Some(Ok(a)) => a.value.iter().any(|d| d.method.is(&access::OCSP)),
            _ => false,
        };
        Outcome::check(!ocsp, "noRevAvail is present together with an authorityInfoAccess OCSP location")
    }
}

/// `rfc4262.smime_capabilities_critical`
///
/// **What it checks**: the S/MIME capabilities extension (1.2.840.113549.1.9.15) is not
/// critical.
///
/// **Why it matters**: RFC 4262 §2 says the extension MUST NOT be marked critical: it only
/// advertises the algorithms the subject's mail client supports.
///
/// **Example**: a critical S/MIME capabilities extension fails; a non-critical one passes;
/// none is not applicable.
pub struct SmimeCapabilitiesCritical;

impl Rule for SmimeCapabilitiesCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc4262.smime_capabilities_critical", Source::Rfc5280, Severity::Error)
            .summary("the S/MIME capabilities extension must not be critical")
            .citation("RFC 4262 §2")
            .needs(Need::Extension(&SMIME_CAPABILITIES))
            .aliases(&["pkilint:pkix.smime_capabilities_extension_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&SMIME_CAPABILITIES) {
            Some(e) => Outcome::check(!e.is_critical(), "the S/MIME capabilities extension is marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc3739.qc_statement_syntax_v1`
///
/// **What it checks**: qcStatements does not contain the obsolete statement
/// id-qcs-pkixQCSyntax-v1 (1.3.6.1.5.5.7.11.1).
///
/// **Why it matters**: RFC 3739 §3.2.6.1 replaces the RFC 3039 statement with
/// id-qcs-pkixQCSyntax-v2 and says the v1 identifier is not to be used; its semantics for
/// the semantics identifier differ and current validators do not implement them.
///
/// **Example**: a qcStatements with the v1 statement fails; with v2 it passes; no
/// qcStatements is not applicable.
pub struct QcStatementSyntaxV1;

impl Rule for QcStatementSyntaxV1 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc3739.qc_statement_syntax_v1", Source::Rfc5280, Severity::Error)
            .summary("the obsolete id-qcs-pkixQCSyntax-v1 statement must not be used")
            .citation("RFC 3739 §3.2.6.1")
            .needs(Need::Extension(&ext::QC_STATEMENTS))
            .aliases(&["pkilint:pkix.prohibited_qualified_statement_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(e) = cert.extension(&ext::QC_STATEMENTS) else { return Outcome::NotApplicable };
        let Ok(seq) = Tlv::parse(e.value).and_then(|t| t.expect(tag::SEQUENCE)) else {
            return Outcome::NotApplicable;
        };
        let v1 = Reader::new(seq.value).filter_map(Result::ok).any(|st| {
            st.expect(tag::SEQUENCE)
                .ok()
                .and_then(|st| st.reader().read_tag(tag::OID).ok())
                .and_then(|id| Oid::new(id.value))
                .is_some_and(|id| id.is(&QCS_PKIX_SYNTAX_V1))
        });
        Outcome::check(!v1, "qcStatements contains the obsolete id-qcs-pkixQCSyntax-v1 statement")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;

    #[test]
    fn duplicates() {
        assert_status(&ExtensionDuplicate, &CertBuilder::leaf(), Status::Pass);
        let b =
            CertBuilder::leaf().push_ext(extension(&ext::SUBJECT_ALT_NAME, false, &seq(&[&ctx_prim(2, b"a.example")])));
        assert_status(&ExtensionDuplicate, &b, Status::Error);
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        assert_status(&ExtensionDuplicate, &none, Status::NotApplicable);
    }

    #[test]
    fn malformed() {
        assert_status(&ExtensionMalformed, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::BASIC_CONSTRAINTS, true, &octet_string(&[1]));
        let cert = b.build();
        let (s, msg) = finding(&ExtensionMalformed, &cert, &Context::default());
        assert_eq!(s, Status::Fatal);
        assert!(msg.contains("basicConstraints"), "{msg}");
        // Everything else still lints.
        assert!(cert.subject_alt_name().is_some_and(|s| s.is_ok()));
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        assert_status(&ExtensionMalformed, &none, Status::NotApplicable);
    }

    #[test]
    fn explicit_default() {
        assert_status(&ExtensionCriticalDefaultEncoded, &CertBuilder::leaf(), Status::Pass);
        let raw = seq(&[
            &oid(&ext::EXT_KEY_USAGE),
            &boolean(false),
            &octet_string(&seq(&[&oid(&crate::oid::eku::SERVER_AUTH)])),
        ]);
        let b = CertBuilder::leaf().raw_ext(&ext::EXT_KEY_USAGE, raw);
        assert_status(&ExtensionCriticalDefaultEncoded, &b, Status::Error);
    }
}

#[cfg(test)]
mod more_tests {
    use super::super::san::testkit::*;
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    fn no_exts() -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.extensions = None;
        b
    }

    #[test]
    fn value_not_der() {
        let r = &ExtensionValueNotDer;
        assert_status(r, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&tlv(tag::BOOLEAN, &[1])]));
        assert!(message(r, &b).contains("basicConstraints"));
        // Non-minimal length inside a SAN.
        let san = [&[0x30u8, 0x81, 0x04][..], &dns("a.b")].concat();
        assert_status(r, &CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, false, &san), Status::Error);
        // Unknown extensions are not judged.
        let unknown = ObjectIdentifier::new_unwrap("1.2.3.4");
        let b2 = no_exts().push_ext(extension(&unknown, false, &seq(&[&tlv(tag::BOOLEAN, &[1])])));
        assert_status(r, &b2, Status::NotApplicable);
        assert_status(r, &no_exts(), Status::NotApplicable);
        dated(r, &b, (1999, 1, 1), Status::Error);
    }

    #[test]
    fn empty_sequence() {
        let r = &ExtensionValueEmptySequence;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::EXT_KEY_USAGE, false, &seq(&[]));
        assert!(message(r, &b).contains("extKeyUsage"));
        assert_status(r, &CertBuilder::leaf().ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[])), Status::Error);
        assert_status(r, &CertBuilder::root(), Status::NotApplicable);
        dated(r, &b, (1999, 1, 1), Status::Error);
    }

    #[test]
    fn subject_directory_attributes() {
        let r = &SubjectDirectoryAttributesCritical;
        let attrs = seq(&[&seq(&[&oid(&crate::oid::attr::COUNTRY), &set(&[&tlv(tag::PRINTABLE_STRING, b"US")])])]);
        assert_status(r, &CertBuilder::leaf().ext(&ext::SUBJECT_DIRECTORY_ATTRIBUTES, false, &attrs), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::SUBJECT_DIRECTORY_ATTRIBUTES, true, &attrs);
        assert_status(r, &b, Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &b, (1999, 1, 1), Status::Error);
    }

    #[test]
    fn unknown_critical() {
        let r = &UnknownCriticalExtension;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let unknown = ObjectIdentifier::new_unwrap("1.2.3.4");
        let b = CertBuilder::leaf().push_ext(extension(&unknown, true, &null()));
        assert!(message(r, &b).contains("1.2.3.4"));
        assert_status(r, &CertBuilder::leaf().push_ext(extension(&unknown, false, &null())), Status::Pass);
        assert_status(r, &no_exts(), Status::NotApplicable);
    }

    #[test]
    fn no_rev_avail() {
        let nra = |b: CertBuilder, critical| b.ext(&ext::NO_REV_AVAIL, critical, &null());
        let leaf = || CertBuilder::leaf().without_ext(&ext::AUTHORITY_INFO_ACCESS);
        assert_status(&NoRevAvailCritical, &nra(leaf(), false), Status::Pass);
        let b = nra(leaf(), true);
        assert_status(&NoRevAvailCritical, &b, Status::Error);
        assert_status(&NoRevAvailCritical, &leaf(), Status::NotApplicable);
        dated(&NoRevAvailCritical, &b, (2024, 6, 1), Status::Error);

        assert_status(&NoRevAvailValueNotNull, &nra(leaf(), false), Status::Pass);
        let b = leaf().ext(&ext::NO_REV_AVAIL, false, &seq(&[]));
        assert_status(&NoRevAvailValueNotNull, &b, Status::Error);
        assert_status(&NoRevAvailValueNotNull, &leaf(), Status::NotApplicable);
        dated(&NoRevAvailValueNotNull, &b, (2024, 6, 1), Status::Error);

        let ca = CertBuilder::sub_ca().without_ext(&ext::CRL_DISTRIBUTION_POINTS);
        assert_status(&NoRevAvailInCa, &ca, Status::Pass);
        let b = nra(ca, false);
        assert_status(&NoRevAvailInCa, &b, Status::Error);
        assert_status(&NoRevAvailInCa, &nra(leaf(), false), Status::NotApplicable);
        dated(&NoRevAvailInCa, &b, (2024, 6, 1), Status::Error);

        let r = &NoRevAvailWithCrlPointer;
        assert_status(r, &nra(leaf(), false), Status::Pass);
        let crldp = seq(&[&seq(&[&ctx_cons(0, &ctx_cons(0, &uri("http://c.example/a.crl")))])]);
        let b = nra(leaf(), false).ext(&ext::CRL_DISTRIBUTION_POINTS, false, &crldp);
        assert!(message(r, &b).contains("cRLDistributionPoints"));
        assert!(message(r, &nra(leaf(), false).ext(&ext::FRESHEST_CRL, false, &crldp)).contains("freshestCRL"));
        assert_status(r, &leaf(), Status::NotApplicable);
        dated(r, &b, (2024, 6, 1), Status::Error);

        let r = &NoRevAvailWithOcsp;
        assert_status(r, &nra(leaf(), false), Status::Pass);
        let b = nra(CertBuilder::leaf(), false);
        assert_status(r, &b, Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &b, (2024, 6, 1), Status::Error);
    }

    #[test]
    fn smime_capabilities() {
        let r = &SmimeCapabilitiesCritical;
        let caps = seq(&[&seq(&[&oid(&crate::oid::alg::RSA_ENCRYPTION)])]);
        assert_status(r, &CertBuilder::leaf().ext(&SMIME_CAPABILITIES, false, &caps), Status::Pass);
        assert_status(r, &CertBuilder::leaf().ext(&SMIME_CAPABILITIES, true, &caps), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn qc_statement_v1() {
        let r = &QcStatementSyntaxV1;
        let v2 = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.11.2");
        let ok = seq(&[&seq(&[&oid(&v2)])]);
        assert_status(r, &CertBuilder::leaf().ext(&ext::QC_STATEMENTS, false, &ok), Status::Pass);
        let bad = seq(&[&seq(&[&oid(&v2)]), &seq(&[&oid(&QCS_PKIX_SYNTAX_V1), &seq(&[])])]);
        assert_status(r, &CertBuilder::leaf().ext(&ext::QC_STATEMENTS, false, &bad), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }
}
