//! Encoding: the outer structure, DER, version, serial number and time formats
//! (RFC 5280 §4.1, §4.1.2.1, §4.1.2.2, §4.1.2.5).

use alloc::format;

use crate::asn1::{self, tag};
use crate::cert::{TimeField, Version};
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[
    &StructureMalformed,
    &NotDer,
    &ExtensionsRequireV3,
    &UniqueIdRequiresV2OrV3,
    &SerialNumberNotPositive,
    &SerialNumberTooLong,
    &UtctimeNotZulu,
    &UtctimeMissingSeconds,
    &GeneralizedTimeBefore2050,
    &GeneralizedTimeFractionalSeconds,
];

/// `rfc5280.structure_malformed`
///
/// **What it checks**: every field of the certificate can be read: the outer SEQUENCE,
/// the TBSCertificate fields in their order with their types (version, serial, signature,
/// issuer, validity, subject, subjectPublicKeyInfo, unique ids, extensions), and nothing
/// follows the signature.
///
/// **Why it matters**: RFC 5280 §4.1 fixes the ASN.1 syntax of a certificate; a field that
/// cannot be decoded cannot be checked or relied on. The other rules still run on the
/// fields that do decode; this one names what does not.
///
/// **Example**: a subject that is an OCTET STRING instead of a Name, or a validity with
/// an unreadable time, fails; a well-formed certificate passes.
pub struct StructureMalformed;

impl Rule for StructureMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.structure_malformed", Source::Rfc5280, Severity::Fatal)
            .summary("every certificate field must decode according to its ASN.1 syntax")
            .citation("RFC 5280 §4.1")
            .aliases(&["pkilint:itu.invalid_asn1_syntax", "pkilint:base.unhandled_exception"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if let Some(m) = cert.structure_errors().first() {
            return Outcome::fail(format!("{m}"));
        }
        let fields = [
            cert.version().err(),
            cert.serial().err(),
            cert.tbs_signature_algorithm().err(),
            cert.issuer().err(),
            cert.validity().err(),
            cert.subject().err(),
            cert.spki().err(),
            cert.extensions_error().cloned(),
            cert.signature_algorithm().and_then(Result::err),
            cert.signature_value().and_then(Result::err),
        ];
        match fields.into_iter().flatten().next() {
            Some(m) => Outcome::fail(format!("{m}")),
            None => Outcome::Pass,
        }
    }
}

/// `rfc5280.der_not_canonical`
///
/// **What it checks**: the certificate is in DER form where the encoding alone shows it:
/// minimal length octets, BOOLEAN as 0x00/0xFF, minimal INTEGERs, zero unused bits in BIT
/// STRINGs, SET OF elements sorted, NULL empty. Schema-dependent rules (explicit DEFAULT
/// values) are separate rules.
///
/// **Why it matters**: RFC 5280 §4.1 requires the signed data to be DER so that every
/// party computes the same bytes; BER variants let two parsers see two different
/// certificates, and Mozilla's policy (§5.2) forbids DER errors outright.
///
/// **Example**: a critical flag encoded `01 01 01` (BOOLEAN TRUE as 0x01) fails;
/// `01 01 FF` passes.
pub struct NotDer;

impl Rule for NotDer {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.der_not_canonical", Source::Rfc5280, Severity::Error)
            .summary("the certificate must be DER-encoded")
            .citation("RFC 5280 §4.1; X.690 §10-11")
            .aliases(&["zlint:e_cert_ext_invalid_der", "zlint:e_basic_constr_invalid_der"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match asn1::first_non_der(cert.der()) {
            Some(v) => Outcome::fail(format!("{} (at byte {})", v.what, v.offset)),
            None => Outcome::Pass,
        }
    }
}

/// `rfc5280.extensions_require_v3`
///
/// **What it checks**: a certificate with an extensions field is version 3.
///
/// **Why it matters**: RFC 5280 §4.1.2.9 says the extensions field MUST only appear if
/// the version is 3; older parsers do not expect it in v1 or v2 certificates.
///
/// **Example**: a v1 certificate carrying `[3]` extensions fails; a v3 one passes; a v1
/// certificate without extensions is not applicable.
pub struct ExtensionsRequireV3;

impl Rule for ExtensionsRequireV3 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.extensions_require_v3", Source::Rfc5280, Severity::Error)
            .summary("extensions must only appear in version 3 certificates")
            .citation("RFC 5280 §4.1.2.9")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_cert_extensions_version_not_3"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.has_extensions_field() {
            return Outcome::NotApplicable;
        }
        match cert.version() {
            Ok(Version::V3) => Outcome::Pass,
            Ok(v) => Outcome::fail(format!("extensions are present in a {v:?} certificate")),
            Err(_) => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.unique_id_requires_v2_or_v3`
///
/// **What it checks**: issuerUniqueID and subjectUniqueID appear only in v2 or v3
/// certificates.
///
/// **Why it matters**: RFC 5280 §4.1.2.8 says these fields MUST only appear if the version
/// is 2 or 3 (and CAs conforming to the profile MUST NOT generate them at all).
///
/// **Example**: a v1 certificate with a subjectUniqueID fails; a v3 one passes (the
/// generation ban is a separate rule); no unique id is not applicable.
pub struct UniqueIdRequiresV2OrV3;

impl Rule for UniqueIdRequiresV2OrV3 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.unique_id_requires_v2_or_v3", Source::Rfc5280, Severity::Error)
            .summary("unique identifiers must only appear in version 2 or 3 certificates")
            .citation("RFC 5280 §4.1.2.8")
            .effective(Time::ymd(2008, 5, 1))
            .aliases(&["zlint:e_cert_unique_identifier_version_not_2_or_3"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.issuer_unique_id().is_none() && cert.subject_unique_id().is_none() {
            return Outcome::NotApplicable;
        }
        match cert.version() {
            Ok(Version::V1) => Outcome::fail("a unique identifier is present in a v1 certificate"),
            Ok(_) => Outcome::Pass,
            Err(_) => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.serial_number_not_positive`
///
/// **What it checks**: the serial number is a positive integer.
///
/// **Why it matters**: RFC 5280 §4.1.2.2 requires the serial number to be a positive
/// integer; negative or zero serials break software that treats serials as unsigned and
/// collide with "no serial" sentinels in revocation lists.
///
/// **Example**: serial `-1` (`02 01 FF`) or `0` fails; serial `0x3a5f…` passes.
pub struct SerialNumberNotPositive;

impl Rule for SerialNumberNotPositive {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.serial_number_not_positive", Source::Rfc5280, Severity::Error)
            .summary("the serial number must be a positive integer")
            .citation("RFC 5280 §4.1.2.2")
            .effective(Time::ymd(2002, 4, 1))
            .aliases(&["zlint:e_serial_number_not_positive", "pkilint:pkix.certificate_serial_number_out_of_range"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(serial) = cert.serial() else { return Outcome::NotApplicable };
        if asn1::int_is_negative(serial) {
            Outcome::fail("the serial number is negative")
        } else if asn1::int_is_zero(serial) {
            Outcome::fail("the serial number is zero")
        } else {
            Outcome::Pass
        }
    }
}

/// `rfc5280.serial_number_too_long`
///
/// **What it checks**: the serial number's encoding is at most 20 octets.
///
/// **Why it matters**: RFC 5280 §4.1.2.2 says conforming CAs MUST NOT use serial numbers
/// longer than 20 octets, and relying parties need only handle that much.
///
/// **Example**: a 21-octet serial fails; a 20-octet one (with its sign octet) passes.
pub struct SerialNumberTooLong;

impl Rule for SerialNumberTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.serial_number_too_long", Source::Rfc5280, Severity::Error)
            .summary("the serial number must be at most 20 octets")
            .citation("RFC 5280 §4.1.2.2")
            .effective(Time::ymd(2002, 4, 1))
            .aliases(&[
                "zlint:e_serial_number_longer_than_20_octets",
                "pkilint:pkix.certificate_serial_number_out_of_range",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.serial() {
            Ok(s) if s.len() > 20 => Outcome::fail(format!("the serial number is {} octets long", s.len())),
            Ok(_) => Outcome::Pass,
            Err(_) => Outcome::NotApplicable,
        }
    }
}

fn times(cert: &Certificate) -> Option<[(&'static str, TimeField<'_>); 2]> {
    let v = cert.validity().ok()?;
    Some([("notBefore", v.not_before), ("notAfter", v.not_after)])
}

/// The parts of a time's text around the seconds and the zone.
struct TimeShape {
    zulu: bool,
    has_seconds: bool,
    fraction: bool,
}

fn shape(t: &TimeField<'_>) -> TimeShape {
    let raw = t.raw;
    let zulu = raw.last() == Some(&b'Z');
    let body_len = if zulu {
        raw.len() - 1
    } else if raw.len() >= 5 && matches!(raw.get(raw.len() - 5), Some(b'+' | b'-')) {
        raw.len() - 5
    } else {
        raw.len()
    };
    let body = raw.get(..body_len).unwrap_or_default();
    let digits = body.iter().take_while(|c| c.is_ascii_digit()).count();
    let full = if t.tag == tag::UTC_TIME { 12 } else { 14 };
    TimeShape { zulu, has_seconds: digits >= full, fraction: digits < body.len() }
}

fn time_rule(cert: &Certificate, tag: u8, bad: impl Fn(&TimeShape) -> bool, what: &str) -> Outcome {
    let Some(fields) = times(cert) else { return Outcome::NotApplicable };
    let mut applicable = false;
    for (name, t) in fields {
        if t.tag != tag {
            continue;
        }
        applicable = true;
        if bad(&shape(&t)) {
            return Outcome::fail(format!("{name} {what}: {}", crate::cert::lossy(t.raw)));
        }
    }
    if applicable {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// `rfc5280.utctime_not_zulu`
///
/// **What it checks**: UTCTime validity values end in `Z`.
///
/// **Why it matters**: RFC 5280 §4.1.2.5.1 requires UTCTime values to be expressed in
/// Greenwich Mean Time (Zulu); a local offset gives different instants to different
/// parsers.
///
/// **Example**: `250601000000+0200` fails; `250601000000Z` passes; a certificate with
/// GeneralizedTime validity only is not applicable.
pub struct UtctimeNotZulu;

impl Rule for UtctimeNotZulu {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.utctime_not_zulu", Source::Rfc5280, Severity::Error)
            .summary("UTCTime must be expressed in Zulu (UTC)")
            .citation("RFC 5280 §4.1.2.5.1")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_utc_time_not_in_zulu", "pkilint:pkix.utctime_incorrect_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        time_rule(cert, tag::UTC_TIME, |s| !s.zulu, "is not in Zulu time")
    }
}

/// `rfc5280.utctime_missing_seconds`
///
/// **What it checks**: UTCTime validity values include seconds (`YYMMDDHHMMSSZ`).
///
/// **Why it matters**: RFC 5280 §4.1.2.5.1 requires seconds to be present even when zero;
/// DER parsers reject the shorter form.
///
/// **Example**: `2506010000Z` fails; `250601000000Z` passes; GeneralizedTime-only
/// validity is not applicable.
pub struct UtctimeMissingSeconds;

impl Rule for UtctimeMissingSeconds {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.utctime_missing_seconds", Source::Rfc5280, Severity::Error)
            .summary("UTCTime must include seconds")
            .citation("RFC 5280 §4.1.2.5.1")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_utc_time_does_not_include_seconds", "pkilint:pkix.utctime_incorrect_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        time_rule(cert, tag::UTC_TIME, |s| !s.has_seconds, "has no seconds")
    }
}

/// `rfc5280.generalized_time_before_2050`
///
/// **What it checks**: validity dates through 2049 are encoded as UTCTime.
///
/// **Why it matters**: RFC 5280 §4.1.2.5 says CAs MUST encode validity dates through the
/// year 2049 as UTCTime and dates in 2050 or later as GeneralizedTime; software relies on
/// the choice of type.
///
/// **Example**: notAfter `20301231235959Z` as GeneralizedTime fails; as UTCTime
/// `301231235959Z` it passes; UTCTime-only validity is not applicable.
pub struct GeneralizedTimeBefore2050;

impl Rule for GeneralizedTimeBefore2050 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.generalized_time_before_2050", Source::Rfc5280, Severity::Error)
            .summary("dates through 2049 must be encoded as UTCTime")
            .citation("RFC 5280 §4.1.2.5")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_wrong_time_format_pre2050", "pkilint:pkix.wrong_time_useful_type"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(fields) = times(cert) else { return Outcome::NotApplicable };
        let mut applicable = false;
        for (name, t) in fields {
            if t.tag == tag::GENERALIZED_TIME {
                applicable = true;
                if t.time < Time::ymd(2050, 1, 1) {
                    return Outcome::fail(format!("{name} is {} but encoded as GeneralizedTime", t.time));
                }
            }
        }
        if applicable {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.generalized_time_fractional_seconds`
///
/// **What it checks**: GeneralizedTime validity values have no fractional seconds.
///
/// **Why it matters**: RFC 5280 §4.1.2.5.2 says GeneralizedTime values MUST NOT include
/// fractional seconds; the profile fixes one representation per instant.
///
/// **Example**: `20500101000000.5Z` fails; `20500101000000Z` passes; UTCTime-only
/// validity is not applicable.
pub struct GeneralizedTimeFractionalSeconds;

impl Rule for GeneralizedTimeFractionalSeconds {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.generalized_time_fractional_seconds", Source::Rfc5280, Severity::Error)
                .summary("GeneralizedTime must not include fractional seconds")
                .citation("RFC 5280 §4.1.2.5.2")
                .effective(Time::ymd(1999, 1, 1))
                .aliases(&[
                    "zlint:e_generalized_time_includes_fraction_seconds",
                    "pkilint:pkix.generalizedtime_incorrect_syntax",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        time_rule(cert, tag::GENERALIZED_TIME, |s| s.fraction, "has fractional seconds")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    fn with_times(nb: &[u8], na: &[u8]) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.not_before = nb.to_vec();
        b.not_after = na.to_vec();
        b
    }

    #[test]
    fn structure() {
        assert_status(&StructureMalformed, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.subject = octet_string(b"not a name");
        let cert = b.build();
        let (s, msg) = finding(&StructureMalformed, &cert, &Context::default());
        assert_eq!(s, Status::Fatal);
        assert!(msg.contains("subject"), "{msg}");
        // The other fields are still read.
        assert!(cert.issuer().is_ok());
        assert!(cert.basic_constraints().is_some());
    }

    #[test]
    fn der() {
        assert_status(&NotDer, &CertBuilder::leaf(), Status::Pass);
        let non_der_bool =
            seq(&[&oid(&crate::oid::ext::BASIC_CONSTRAINTS), &tlv(tag::BOOLEAN, &[1]), &octet_string(&seq(&[]))]);
        let b = CertBuilder::leaf().raw_ext(&crate::oid::ext::BASIC_CONSTRAINTS, non_der_bool);
        let (s, msg) = finding(&NotDer, &b.build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(msg.contains("BOOLEAN"), "{msg}");
    }

    #[test]
    fn extensions_and_unique_ids_by_version() {
        assert_status(&ExtensionsRequireV3, &CertBuilder::leaf(), Status::Pass);
        let mut v1 = CertBuilder::leaf();
        v1.version = None;
        assert_status(&ExtensionsRequireV3, &v1, Status::Error);
        let mut bare = v1.clone();
        bare.extensions = None;
        assert_status(&ExtensionsRequireV3, &bare, Status::NotApplicable);

        assert_status(&UniqueIdRequiresV2OrV3, &CertBuilder::leaf(), Status::NotApplicable);
        bare.unique_ids = alloc::vec![ctx_prim(2, &[0, 1])];
        assert_status(&UniqueIdRequiresV2OrV3, &bare, Status::Error);
        let mut v3 = CertBuilder::leaf();
        v3.unique_ids = alloc::vec![ctx_prim(2, &[0, 1])];
        assert_status(&UniqueIdRequiresV2OrV3, &v3, Status::Pass);
        let old = bare.validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&UniqueIdRequiresV2OrV3, &old, Status::NotEffective);
    }

    #[test]
    fn serial_numbers() {
        assert_status(&SerialNumberNotPositive, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.serial = tlv(tag::INTEGER, &[0xff, 0x2a]);
        assert_status(&SerialNumberNotPositive, &b, Status::Error);
        b.serial = tlv(tag::INTEGER, &[0]);
        assert_status(&SerialNumberNotPositive, &b, Status::Error);

        assert_status(&SerialNumberTooLong, &CertBuilder::leaf(), Status::Pass);
        b.serial = tlv(tag::INTEGER, &[0x11; 21]);
        assert_status(&SerialNumberTooLong, &b, Status::Error);
        b.serial = tlv(tag::INTEGER, &[0x11; 20]);
        assert_status(&SerialNumberTooLong, &b, Status::Pass);
        b.serial = octet_string(&[1]);
        assert_status(&SerialNumberTooLong, &b, Status::NotApplicable);
    }

    #[test]
    fn time_formats() {
        let good = with_times(&utc_time(Time::ymd(2025, 6, 1)), &utc_time(Time::ymd(2025, 8, 1)));
        for rule in [&UtctimeNotZulu as &'static dyn Rule, &UtctimeMissingSeconds] {
            assert_status(rule, &good, Status::Pass);
        }
        assert_status(&GeneralizedTimeBefore2050, &good, Status::NotApplicable);
        assert_status(&GeneralizedTimeFractionalSeconds, &good, Status::NotApplicable);

        let offset = with_times(&tlv(tag::UTC_TIME, b"250601020000+0200"), &utc_time(Time::ymd(2025, 8, 1)));
        assert_status(&UtctimeNotZulu, &offset, Status::Error);
        assert_status(&UtctimeMissingSeconds, &offset, Status::Pass);

        let no_secs = with_times(&tlv(tag::UTC_TIME, b"2506010000Z"), &utc_time(Time::ymd(2025, 8, 1)));
        assert_status(&UtctimeMissingSeconds, &no_secs, Status::Error);
        assert_status(&UtctimeNotZulu, &no_secs, Status::Pass);

        let gen_early = with_times(&utc_time(Time::ymd(2025, 6, 1)), &generalized_time(Time::ymd(2030, 1, 1)));
        assert_status(&GeneralizedTimeBefore2050, &gen_early, Status::Error);
        let gen_late = with_times(&utc_time(Time::ymd(2025, 6, 1)), &generalized_time(Time::ymd(2050, 1, 1)));
        assert_status(&GeneralizedTimeBefore2050, &gen_late, Status::Pass);
        assert_status(&GeneralizedTimeFractionalSeconds, &gen_late, Status::Pass);
        let frac = with_times(&utc_time(Time::ymd(2025, 6, 1)), &tlv(tag::GENERALIZED_TIME, b"20500101000000.5Z"));
        assert_status(&GeneralizedTimeFractionalSeconds, &frac, Status::Error);
    }
}
