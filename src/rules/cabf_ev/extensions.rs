//! The cabfOrganizationIdentifier extension (EVG §7.1.2.2).

use alloc::format;

use super::subject::{OrganizationIdentifier, EV, ORG_ID_DATE};
use crate::asn1::{tag, Asn1Error, Tlv};
use crate::oid::{attr, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] =
    &[&CabfOrganizationIdentifierExtensionMissing, &CabfOrganizationIdentifierMismatch];

/// The value of the cabfOrganizationIdentifier extension:
///
/// ```text
/// CABFOrganizationIdentifier ::= SEQUENCE {
///     registrationSchemeIdentifier PrintableString (SIZE(3)),
///     registrationCountry          PrintableString (SIZE(2)),
///     registrationStateOrProvince  [0] IMPLICIT PrintableString (SIZE(1..128)) OPTIONAL,
///     registrationReference        UTF8String }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CabfOrganizationIdentifier<'a> {
    /// registrationSchemeIdentifier
    pub scheme: &'a str,
    /// registrationCountry
    pub country: &'a str,
    /// registrationStateOrProvince
    pub state_or_province: Option<&'a str>,
    /// registrationReference
    pub reference: &'a str,
}

impl<'a> CabfOrganizationIdentifier<'a> {
    /// Decodes the extension value (the DER inside extnValue).
    pub fn parse(value: &'a [u8]) -> Result<Self, Asn1Error> {
        fn text(t: Tlv<'_>) -> Result<&str, Asn1Error> {
            core::str::from_utf8(t.value).map_err(|_| Asn1Error::InvalidValue("string is not valid text"))
        }
        let seq = Tlv::parse(value)?.expect(tag::SEQUENCE)?;
        let mut r = seq.reader();
        let scheme = text(r.read_tag(tag::PRINTABLE_STRING)?)?;
        let country = text(r.read_tag(tag::PRINTABLE_STRING)?)?;
        let state_or_province = r.read_optional(tag::context(0))?.map(text).transpose()?;
        let reference = text(r.read_tag(tag::UTF8_STRING)?)?;
        r.finish()?;
        Ok(Self { scheme, country, state_or_province, reference })
    }
}

/// `cabf_ev.cabf_organization_identifier_extension_missing`
///
/// **What it checks**: an EV certificate whose subject has organizationIdentifier
/// (2.5.4.97) also carries the cabfOrganizationIdentifier extension (2.23.140.3.1).
///
/// **Why it matters**: EVG §7.1.2.2 makes the extension mandatory whenever the subject
/// carries organizationIdentifier, so that the registration reference is available in a
/// structured, unambiguous form.
///
/// **Example**: an EV certificate with `organizationIdentifier=NTRGB-12345678` and no
/// extension fails; with the extension passes; an EV subject without
/// organizationIdentifier is not applicable; issued before 2020-01-31 is not effective.
pub struct CabfOrganizationIdentifierExtensionMissing;

impl Rule for CabfOrganizationIdentifierExtensionMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.cabf_organization_identifier_extension_missing", Source::CabfEv, Severity::Error)
                .summary("EV certificates with subject organizationIdentifier must carry cabfOrganizationIdentifier")
                .citation("EVG §7.1.2.2")
                .scope(EV)
                .effective(ORG_ID_DATE)
                .needs(Need::SubjectAttribute(&attr::ORGANIZATION_IDENTIFIER))
                .aliases(&[
                    "zlint:e_ev_organization_id_missing",
                    "pkilint:cabf.serverauth.organization_identifier_extension_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if !subject.has(&attr::ORGANIZATION_IDENTIFIER) {
            return Outcome::NotApplicable;
        }
        Outcome::check(
            cert.has_extension(&ext::CABF_ORGANIZATION_IDENTIFIER),
            "the subject has organizationIdentifier but the cabfOrganizationIdentifier extension is absent",
        )
    }
}

/// `cabf_ev.cabf_organization_identifier_mismatch`
///
/// **What it checks**: in an EV certificate carrying both, the cabfOrganizationIdentifier
/// extension decodes and agrees with the subject organizationIdentifier: same scheme,
/// country, state or province (the `+` subdivision) and registration reference. An
/// extension that does not decode as CABFOrganizationIdentifier cannot agree and fails too.
///
/// **Why it matters**: EVG §7.1.2.2 gives the extension's fields "the same values,
/// meanings, and restrictions" as §7.1.4.2.8; two different identifiers in one certificate
/// leave relying parties unable to tell which entity was validated.
///
/// **Example**: subject `NTRGB-12345678` with extension `{NTR, GB, 12345678}` passes; with
/// `{NTR, GB, 87654321}` or `{VAT, GB, 12345678}` fails; a subject without
/// organizationIdentifier, an extension absent, or a malformed subject value is not
/// applicable.
pub struct CabfOrganizationIdentifierMismatch;

impl Rule for CabfOrganizationIdentifierMismatch {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.cabf_organization_identifier_mismatch", Source::CabfEv, Severity::Error)
                .summary("the cabfOrganizationIdentifier extension must agree with the subject organizationIdentifier")
                .citation("EVG §7.1.2.2, §7.1.4.2.8")
                .scope(EV)
                .effective(ORG_ID_DATE)
                .needs(Need::Extension(&ext::CABF_ORGANIZATION_IDENTIFIER))
                .aliases(&[
                    "zlint:e_ev_orgid_inconsistent_subj_and_ext",
                    "pkilint:cabf.serverauth.organization_identifier_mismatched_value",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(extension) = cert.extension(&ext::CABF_ORGANIZATION_IDENTIFIER) else { return Outcome::NotApplicable };
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let Some(text) = subject.first(&attr::ORGANIZATION_IDENTIFIER).and_then(|a| a.text()) else {
            return Outcome::NotApplicable;
        };
        let Ok(id) = OrganizationIdentifier::parse(&text) else { return Outcome::NotApplicable };
        let e = match CabfOrganizationIdentifier::parse(extension.value) {
            Ok(e) => e,
            Err(err) => {
                return Outcome::fail(format!(
                    "the cabfOrganizationIdentifier extension does not decode ({err}), so it cannot match \"{text}\""
                ))
            }
        };
        let differs = [
            ("registration scheme", Some(id.scheme), Some(e.scheme)),
            ("country", Some(id.country), Some(e.country)),
            ("state or province", id.subdivision, e.state_or_province),
            ("registration reference", Some(id.reference), Some(e.reference)),
        ]
        .into_iter()
        .find(|(_, s, x)| s != x);
        match differs {
            None => Outcome::Pass,
            Some((what, s, x)) => Outcome::fail(format!(
                "the {what} differs: \"{}\" in the subject organizationIdentifier \"{text}\", \"{}\" in the extension",
                s.unwrap_or("(none)"),
                x.unwrap_or("(none)")
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::{policy, ObjectIdentifier};
    use crate::testutil::{der::*, *};
    use crate::{Status, Time};
    use alloc::{string::String, vec::Vec};

    fn ev(org_id: Option<&str>) -> CertBuilder {
        let mut attrs: Vec<(&ObjectIdentifier, u8, &str)> = alloc::vec![
            (&attr::COUNTRY, tag::PRINTABLE_STRING, "GB"),
            (&attr::ORGANIZATION, tag::UTF8_STRING, "Example Ltd"),
        ];
        if let Some(id) = org_id {
            attrs.push((&attr::ORGANIZATION_IDENTIFIER, tag::UTF8_STRING, id));
        }
        CertBuilder::leaf().ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(&policy::EV)])])).subject(&attrs)
    }

    fn ext_value(scheme: &str, country: &str, state: Option<&str>, reference: &str) -> Vec<u8> {
        let mut parts =
            alloc::vec![tlv(tag::PRINTABLE_STRING, scheme.as_bytes()), tlv(tag::PRINTABLE_STRING, country.as_bytes()),];
        if let Some(s) = state {
            parts.push(ctx_prim(0, s.as_bytes()));
        }
        parts.push(tlv(tag::UTF8_STRING, reference.as_bytes()));
        seq_vec(&parts)
    }

    fn with_ext(b: CertBuilder, value: &[u8]) -> CertBuilder {
        b.ext(&ext::CABF_ORGANIZATION_IDENTIFIER, false, value)
    }

    fn message(rule: &'static dyn Rule, b: &CertBuilder) -> String {
        finding(rule, &b.build(), &Context::default()).1
    }

    #[test]
    fn decode() {
        let v = ext_value("NTR", "US", Some("CA"), "123");
        assert_eq!(
            CabfOrganizationIdentifier::parse(&v),
            Ok(CabfOrganizationIdentifier {
                scheme: "NTR",
                country: "US",
                state_or_province: Some("CA"),
                reference: "123"
            })
        );
        assert!(CabfOrganizationIdentifier::parse(&seq(&[&tlv(tag::UTF8_STRING, b"NTR")])).is_err());
    }

    #[test]
    fn extension_missing() {
        let rule = &CabfOrganizationIdentifierExtensionMissing;
        let b = ev(Some("NTRGB-12345678"));
        assert_status(rule, &b, Status::Error);
        assert_eq!(
            message(rule, &b),
            "the subject has organizationIdentifier but the cabfOrganizationIdentifier extension is absent"
        );
        assert_status(rule, &with_ext(b.clone(), &ext_value("NTR", "GB", None, "12345678")), Status::Pass);
        assert_status(rule, &ev(None), Status::NotApplicable);
        assert_status(rule, &b.clone().not_before(Time::ymd(2020, 1, 30)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2020, 1, 31)), Status::Error);
        assert_status(rule, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn mismatch() {
        let rule = &CabfOrganizationIdentifierMismatch;
        let ok = with_ext(ev(Some("NTRGB-12345678")), &ext_value("NTR", "GB", None, "12345678"));
        assert_status(rule, &ok, Status::Pass);
        let ok = with_ext(ev(Some("NTRUS+CA-1-2")), &ext_value("NTR", "US", Some("CA"), "1-2"));
        assert_status(rule, &ok, Status::Pass);
        let reference = with_ext(ev(Some("NTRGB-12345678")), &ext_value("NTR", "GB", None, "87654321"));
        assert_status(rule, &reference, Status::Error);
        assert_eq!(
            message(rule, &reference),
            "the registration reference differs: \"12345678\" in the subject organizationIdentifier \"NTRGB-12345678\", \"87654321\" in the extension"
        );
        let scheme = with_ext(ev(Some("NTRGB-12345678")), &ext_value("VAT", "GB", None, "12345678"));
        assert!(message(rule, &scheme).starts_with("the registration scheme differs"));
        let state = with_ext(ev(Some("NTRUS+CA-1")), &ext_value("NTR", "US", None, "1"));
        assert!(message(rule, &state).contains("\"CA\" in the subject"), "{}", message(rule, &state));
        let country = with_ext(ev(Some("NTRUS-1")), &ext_value("NTR", "GB", None, "1"));
        assert!(message(rule, &country).starts_with("the country differs"));
        let broken = with_ext(ev(Some("NTRGB-1")), &seq(&[&tlv(tag::UTF8_STRING, b"NTR")]));
        assert_status(rule, &broken, Status::Error);
        assert!(message(rule, &broken).contains("does not decode"));
        assert_status(rule, &ev(Some("NTRGB-1")), Status::NotApplicable);
        assert_status(rule, &with_ext(ev(None), &ext_value("NTR", "GB", None, "1")), Status::NotApplicable);
        assert_status(rule, &with_ext(ev(Some("junk")), &ext_value("NTR", "GB", None, "1")), Status::NotApplicable);
        assert_status(rule, &reference.clone().not_before(Time::ymd(2020, 1, 30)), Status::NotEffective);
        assert_status(rule, &reference.not_before(Time::ymd(2020, 1, 31)), Status::Error);
    }
}
