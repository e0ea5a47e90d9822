//! The EV subject (EVG §7.1.4.2): business category, jurisdiction of incorporation,
//! registration number, the attribute allow-list, and the organizationIdentifier syntax of
//! §7.1.4.2.8 with the registration schemes of Appendix H.

use alloc::format;

use crate::cert::AttributeTypeAndValue;
use crate::cert_type::CertType;
use crate::oid::{attr, ObjectIdentifier};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::subject::value_text;
use crate::rules::iso3166;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &BusinessCategoryMissing,
    &BusinessCategoryInvalid,
    &JurisdictionCountryMissing,
    &JurisdictionCountryNotIso3166,
    &JurisdictionLocalityWithoutProvince,
    &RegistrationNumberMissing,
    &SubjectAttributeNotAllowed,
    &OrganizationIdentifierSyntaxInvalid,
    &OrganizationIdentifierSchemeUnknown,
    &OrganizationIdentifierCountryInvalid,
    &OrganizationIdentifierSubdivisionNotAllowed,
    &OrganizationIdentifierSubdivisionInvalid,
    &OrganizationIdentifierReferenceMissing,
];

/// EV subscriber certificates.
pub(crate) const EV: Scope = Scope::of(CertType::SubscriberEv);

/// EVG v1.7.0 (ballot SC-017 follow-up): organizationIdentifier and the
/// cabfOrganizationIdentifier extension.
pub(crate) const ORG_ID_DATE: Time = Time::ymd(2020, 1, 31);

/// The four business categories of EVG §7.1.4.2.3.
pub const BUSINESS_CATEGORIES: [&str; 4] =
    ["Private Organization", "Government Entity", "Business Entity", "Non-Commercial Entity"];

/// The registration schemes EVG Appendix H recognises (v2.0.2).
pub const REGISTRATION_SCHEMES: [&str; 3] = ["NTR", "VAT", "PSD"];

/// An organizationIdentifier split as EVG §7.1.4.2.8 describes it:
/// `scheme(3) country(2) [+subdivision] - reference`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganizationIdentifier<'a> {
    /// The 3-letter registration scheme (`NTR`, `VAT`, `PSD`).
    pub scheme: &'a str,
    /// The 2-letter country (ISO 3166-1, `XG` for global schemes).
    pub country: &'a str,
    /// The text between `+` and the first `-`, if a `+` follows the country.
    pub subdivision: Option<&'a str>,
    /// Everything after the first `-` (may contain further hyphens; may be empty).
    pub reference: &'a str,
}

impl<'a> OrganizationIdentifier<'a> {
    /// Parses the frame: three upper-case letters, two upper-case letters, an optional
    /// `+` part running to the first hyphen, the hyphen, and the reference. The contents of
    /// the subdivision and the reference are checked by their own rules, so they are only
    /// located here.
    pub fn parse(s: &'a str) -> Result<Self, &'static str> {
        let upper = |t: &str| t.bytes().all(|b| b.is_ascii_uppercase());
        let scheme = s.get(..3).filter(|t| upper(t)).ok_or("it does not start with a 3-letter upper-case scheme")?;
        let country =
            s.get(3..5).filter(|t| upper(t)).ok_or("the scheme is not followed by a 2-letter upper-case country")?;
        let rest = s.get(5..).unwrap_or_default();
        let (subdivision, rest) = match rest.strip_prefix('+') {
            Some(r) => {
                let (sub, after) = r.split_once('-').ok_or("there is no '-' after the subdivision")?;
                (Some(sub), after)
            }
            None => (None, rest.strip_prefix('-').ok_or("the country is not followed by '-' or '+'")?),
        };
        Ok(Self { scheme, country, subdivision, reference: rest })
    }
}

/// Every subject organizationIdentifier with its text (values that are not text are left to
/// the encoding rules).
fn org_ids<'a>(
    cert: &'a Certificate,
) -> impl Iterator<Item = (AttributeTypeAndValue<'a>, alloc::borrow::Cow<'a, str>)> + 'a {
    cert.subject()
        .into_iter()
        .flat_map(|s| s.attributes_of(&attr::ORGANIZATION_IDENTIFIER))
        .filter_map(|a| a.text().map(|t| (a, t)))
}

/// Runs `check` on each well-formed subject organizationIdentifier; not applicable when
/// there is none.
fn each_org_id(
    cert: &Certificate,
    check: impl Fn(&OrganizationIdentifier<'_>, &str) -> Option<alloc::string::String>,
) -> Outcome {
    let mut seen = false;
    for (_, text) in org_ids(cert) {
        let Ok(id) = OrganizationIdentifier::parse(&text) else { continue };
        seen = true;
        if let Some(msg) = check(&id, &text) {
            return Outcome::fail(msg);
        }
    }
    if seen {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

fn present(cert: &Certificate, oid: &ObjectIdentifier, what: &'static str) -> Outcome {
    let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
    Outcome::check(subject.has(oid), what)
}

/// `cabf_ev.business_category_missing`
///
/// **What it checks**: an EV subject has a businessCategory attribute (2.5.4.15).
///
/// **Why it matters**: EVG §7.1.4.2.3 requires the business category, which tells relying
/// parties which kind of entity (private organization, government, business, non-commercial)
/// was validated.
///
/// **Example**: an EV subject without businessCategory fails; with `Private Organization`
/// passes; an OV certificate is not applicable.
pub struct BusinessCategoryMissing;

impl Rule for BusinessCategoryMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.business_category_missing", Source::CabfEv, Severity::Error)
            .summary("EV subjects must contain businessCategory")
            .citation("EVG §7.1.4.2.3")
            .scope(EV)
            .aliases(&[
                "zlint:e_ev_business_category_missing",
                "pkilint:cabf.ev_guidelines.business_category_attribute_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        present(cert, &attr::BUSINESS_CATEGORY, "the EV subject has no businessCategory")
    }
}

/// `cabf_ev.business_category_invalid`
///
/// **What it checks**: every subject businessCategory is exactly one of `Private
/// Organization`, `Government Entity`, `Business Entity`, `Non-Commercial Entity`.
///
/// **Why it matters**: EVG §7.1.4.2.3 allows only these four strings, one per entity type
/// of §4.1.1; software and people read the category literally.
///
/// **Example**: `businessCategory=Private Company` or `private organization` fails;
/// `Private Organization` passes; a subject without businessCategory is not applicable.
pub struct BusinessCategoryInvalid;

impl Rule for BusinessCategoryInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.business_category_invalid", Source::CabfEv, Severity::Error)
            .summary("businessCategory must be one of the four EVG business categories")
            .citation("EVG §7.1.4.2.3")
            .scope(Scope::TLS_BR)
            .needs(Need::SubjectAttribute(&attr::BUSINESS_CATEGORY))
            .aliases(&["zlint:e_ev_invalid_business_category", "pkilint:cabf.ev_guidelines.invalid_business_category"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.subject_may_have(&attr::BUSINESS_CATEGORY) {
            return Outcome::NotApplicable;
        }
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let mut seen = false;
        for a in subject.attributes_of(&attr::BUSINESS_CATEGORY) {
            seen = true;
            if !a.text().is_some_and(|t| BUSINESS_CATEGORIES.contains(&&*t)) {
                return Outcome::fail(format!(
                    "businessCategory \"{}\" is not one of the EVG categories",
                    value_text(&a)
                ));
            }
        }
        if seen {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `cabf_ev.jurisdiction_country_missing`
///
/// **What it checks**: an EV subject has a jurisdictionCountryName attribute
/// (1.3.6.1.4.1.311.60.2.1.3).
///
/// **Why it matters**: EVG §7.1.4.2.4 requires the country of the jurisdiction of
/// incorporation or registration at every level of registration agency.
///
/// **Example**: an EV subject without jurisdictionCountryName fails; with `jurisdictionC=DE`
/// passes; a DV certificate is not applicable.
pub struct JurisdictionCountryMissing;

impl Rule for JurisdictionCountryMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.jurisdiction_country_missing", Source::CabfEv, Severity::Error)
            .summary("EV subjects must contain jurisdictionCountryName")
            .citation("EVG §7.1.4.2.4")
            .scope(EV)
            .aliases(&["pkilint:cabf.ev_guidelines.jurisdiction_country_attribute_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        present(cert, &attr::JURISDICTION_COUNTRY, "the EV subject has no jurisdictionCountryName")
    }
}

/// `cabf_ev.jurisdiction_country_not_iso3166`
///
/// **What it checks**: every subject jurisdictionCountryName is an officially assigned ISO
/// 3166-1 alpha-2 code (upper case). The user-assigned `XX` is not accepted: a
/// jurisdiction of incorporation is always a real country.
///
/// **Why it matters**: EVG §7.1.4.2.4 requires the applicable ISO country code, and the
/// attribute's syntax (Appendix G, X.520 CountryName) is a two-letter ISO 3166 code.
///
/// **Example**: `jurisdictionC=UK` fails; `jurisdictionC=GB` passes; a subject without the
/// attribute is not applicable.
pub struct JurisdictionCountryNotIso3166;

impl Rule for JurisdictionCountryNotIso3166 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.jurisdiction_country_not_iso3166", Source::CabfEv, Severity::Error)
                .summary("jurisdictionCountryName must be an ISO 3166-1 alpha-2 code")
                .citation("EVG §7.1.4.2.4; TLS BR §7.1.4.2")
                .scope(Scope::TLS_BR)
                .needs(Need::SubjectAttribute(&attr::JURISDICTION_COUNTRY))
                .aliases(&["pkilint:cabf.serverauth.invalid_jurisdiction_country_code"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.subject_may_have(&attr::JURISDICTION_COUNTRY) {
            return Outcome::NotApplicable;
        }
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let mut seen = false;
        for a in subject.attributes_of(&attr::JURISDICTION_COUNTRY) {
            seen = true;
            if !a.text().is_some_and(|t| iso3166::is_assigned(&t)) {
                return Outcome::fail(format!(
                    "jurisdictionCountryName \"{}\" is not an ISO 3166-1 alpha-2 code",
                    value_text(&a)
                ));
            }
        }
        if seen {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `cabf_ev.jurisdiction_locality_without_province`
///
/// **What it checks**: an EV subject with jurisdictionLocalityName also has
/// jurisdictionStateOrProvinceName.
///
/// **Why it matters**: EVG §7.1.4.2.4: a locality-level registration names the country and
/// the state or province as well as the locality, except where the state or province does
/// not regulate local registrations. The exception cannot be seen in the certificate, so
/// this is a warning, not an error.
///
/// **Example**: `jurisdictionL=Springfield, jurisdictionC=US` warns; adding
/// `jurisdictionST=Illinois` passes; no jurisdictionLocalityName passes; an OV certificate
/// is not applicable.
pub struct JurisdictionLocalityWithoutProvince;

impl Rule for JurisdictionLocalityWithoutProvince {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.jurisdiction_locality_without_province", Source::CabfEv, Severity::Warn)
                .summary("a jurisdictionLocalityName should come with jurisdictionStateOrProvinceName")
                .citation("EVG §7.1.4.2.4")
                .scope(EV)
                .aliases(&["pkilint:cabf.ev_guidelines.jurisdiction_locality_present_stateprovince_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        match subject.first(&attr::JURISDICTION_LOCALITY) {
            Some(l) if !subject.has(&attr::JURISDICTION_STATE_OR_PROVINCE) => Outcome::fail(format!(
                "jurisdictionLocalityName \"{}\" is present without jurisdictionStateOrProvinceName",
                value_text(&l)
            )),
            _ => Outcome::Pass,
        }
    }
}

/// `cabf_ev.registration_number_missing`
///
/// **What it checks**: an EV subject has a serialNumber attribute (2.5.4.5), the
/// registration number (or registration date) of the subject.
///
/// **Why it matters**: EVG §7.1.4.2.5 requires it; together with the jurisdiction it
/// identifies the legal entity unambiguously.
///
/// **Example**: an EV subject without serialNumber fails; `serialNumber=HRB 12345` passes;
/// an OV certificate is not applicable.
pub struct RegistrationNumberMissing;

impl Rule for RegistrationNumberMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.registration_number_missing", Source::CabfEv, Severity::Error)
            .summary("EV subjects must contain serialNumber (the registration number)")
            .citation("EVG §7.1.4.2.5")
            .scope(EV)
            .aliases(&[
                "zlint:e_ev_serial_number_missing",
                "pkilint:cabf.ev_guidelines.serial_number_attribute_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        present(cert, &attr::SERIAL_NUMBER, "the EV subject has no serialNumber")
    }
}

/// The attributes EVG §7.1.4.2 lists (organizationalUnitName is listed as prohibited).
const EV_ATTRIBUTES: [&ObjectIdentifier; 13] = [
    &attr::ORGANIZATION,
    &attr::COMMON_NAME,
    &attr::BUSINESS_CATEGORY,
    &attr::JURISDICTION_LOCALITY,
    &attr::JURISDICTION_STATE_OR_PROVINCE,
    &attr::JURISDICTION_COUNTRY,
    &attr::SERIAL_NUMBER,
    &attr::STREET_ADDRESS,
    &attr::LOCALITY,
    &attr::STATE_OR_PROVINCE,
    &attr::COUNTRY,
    &attr::POSTAL_CODE,
    &attr::ORGANIZATION_IDENTIFIER,
];

/// `cabf_ev.subject_attribute_not_allowed`
///
/// **What it checks**: an EV subject contains only the attributes EVG §7.1.4.2 lists:
/// organizationName, commonName, businessCategory, jurisdictionLocalityName,
/// jurisdictionStateOrProvinceName, jurisdictionCountryName, serialNumber, streetAddress,
/// localityName, stateOrProvinceName, countryName, postalCode, organizationIdentifier.
///
/// **Why it matters**: EVG §7.1.4.2.9 (ballot SC-016, from 2019-04-16) forbids any other
/// subject attribute: everything in an EV subject must be validated information with a
/// defined meaning. organizationalUnitName, prohibited by §7.1.4.2.7, is reported here too.
///
/// **Example**: an EV subject with `emailAddress` or `OU` fails; one with only the listed
/// attributes passes; issued before 2019-04-16 is not effective; an OV certificate is not
/// applicable.
pub struct SubjectAttributeNotAllowed;

impl Rule for SubjectAttributeNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.subject_attribute_not_allowed", Source::CabfEv, Severity::Error)
            .summary("EV subjects may contain only the attributes listed in EVG §7.1.4.2")
            .citation("EVG §7.1.4.2.9")
            .scope(EV)
            .effective(Time::ymd(2019, 4, 16))
            .aliases(&["zlint:e_ev_extra_subject_attribs", "pkilint:cabf.ev_guidelines.unknown_attribute_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        match subject.attributes().find(|a| !EV_ATTRIBUTES.iter().any(|t| a.oid.is(t))) {
            None => Outcome::Pass,
            Some(a) => Outcome::fail(format!("the EV subject has {}, which the EVG does not allow", a.type_name())),
        }
    }
}

/// `cabf_ev.organization_identifier_syntax_invalid`
///
/// **What it checks**: every subject organizationIdentifier has the frame of EVG
/// §7.1.4.2.8: a 3-letter upper-case registration scheme, a 2-letter upper-case country,
/// optionally `+` and a subdivision, then a hyphen `-` and the registration reference. The
/// subdivision's and reference's contents have their own rules.
///
/// **Why it matters**: the EVG structure lets software split the identifier into scheme,
/// country, subdivision and reference; an identifier without it cannot be interpreted.
///
/// **Example**: `NTRGB-12345678`, `NTRUS+CA-12345678` and `PSDBE-NBB-1234.567.890` pass;
/// `GB12345678`, `ntrgb-1`, `NTRGB12345` fail; a subject without organizationIdentifier is
/// not applicable.
pub struct OrganizationIdentifierSyntaxInvalid;

impl Rule for OrganizationIdentifierSyntaxInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.organization_identifier_syntax_invalid", Source::CabfEv, Severity::Error)
                .summary("organizationIdentifier must read scheme(3) country(2) [+subdivision] '-' reference")
                .citation("EVG §7.1.4.2.8")
                .scope(Scope::TLS_BR)
                .effective(ORG_ID_DATE)
                .needs(Need::SubjectAttribute(&attr::ORGANIZATION_IDENTIFIER))
                .aliases(&["pkilint:cabf.invalid_subject_organization_identifier_format"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let mut seen = false;
        for (_, text) in org_ids(cert) {
            seen = true;
            if let Err(why) = OrganizationIdentifier::parse(&text) {
                return Outcome::fail(format!("organizationIdentifier \"{text}\" is malformed: {why}"));
            }
        }
        if seen {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `cabf_ev.organization_identifier_scheme_unknown`
///
/// **What it checks**: the registration scheme of every well-formed subject
/// organizationIdentifier is one that EVG Appendix H recognises: `NTR` (national trade
/// register), `VAT` (VAT number) or `PSD` (PSD2 authorization number).
///
/// **Why it matters**: EVG §7.1.4.2.8 accepts only the Appendix H schemes, since each comes
/// with validation rules; an unknown scheme has none.
///
/// **Example**: `LEIXG-5493001KJTIIGC8Y1R12` fails (LEI is not in Appendix H of v2.0.2);
/// `VATDE-123456789` passes; a malformed or absent identifier is not applicable.
pub struct OrganizationIdentifierSchemeUnknown;

impl Rule for OrganizationIdentifierSchemeUnknown {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.organization_identifier_scheme_unknown", Source::CabfEv, Severity::Error)
                .summary("the organizationIdentifier registration scheme must be listed in EVG Appendix H")
                .citation("EVG §7.1.4.2.8, Appendix H")
                .scope(Scope::TLS_BR)
                .effective(ORG_ID_DATE)
                .needs(Need::SubjectAttribute(&attr::ORGANIZATION_IDENTIFIER))
                .aliases(&[
                    "zlint:e_ev_invalid_orgid_reg_scheme",
                    "pkilint:cabf.invalid_organization_identifier_registration_scheme",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_org_id(cert, |id, text| {
            (!REGISTRATION_SCHEMES.contains(&id.scheme)).then(|| {
                format!(
                    "organizationIdentifier \"{text}\" uses the registration scheme {}, which is not in EVG Appendix H",
                    id.scheme
                )
            })
        })
    }
}

/// Whether `country` may follow `scheme` in an organizationIdentifier: an assigned ISO
/// 3166-1 code, `XG` for global schemes, or (VAT only) the EU VAT prefix `EL` for Greece
/// (Appendix H allows the prefixes of article 215 of Directive 2006/112/EC).
pub fn is_org_id_country(scheme: &str, country: &str) -> bool {
    iso3166::is_assigned(country) || country == iso3166::GLOBAL || (scheme == "VAT" && country == "EL")
}

/// `cabf_ev.organization_identifier_country_invalid`
///
/// **What it checks**: the country of every well-formed subject organizationIdentifier
/// (characters 4-5) is an assigned ISO 3166-1 alpha-2 code, `XG` (a scheme operated
/// globally), or for the VAT scheme the EU prefix `EL` (Greece).
///
/// **Why it matters**: EVG §7.1.4.2.8 identifies the nation operating the registration
/// scheme by its ISO 3166 code; Appendix H allows the EU VAT prefixes for VAT.
///
/// **Example**: `NTRUK-12345678` fails; `NTRGB-12345678`, `VATEL-123456789` pass;
/// `NTREL-1` fails; a malformed or absent identifier is not applicable.
pub struct OrganizationIdentifierCountryInvalid;

impl Rule for OrganizationIdentifierCountryInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.organization_identifier_country_invalid", Source::CabfEv, Severity::Error)
                .summary("the organizationIdentifier country must be an ISO 3166-1 code or XG")
                .citation("EVG §7.1.4.2.8")
                .scope(Scope::TLS_BR)
                .effective(ORG_ID_DATE)
                .needs(Need::SubjectAttribute(&attr::ORGANIZATION_IDENTIFIER))
                .aliases(&["pkilint:cabf.invalid_organization_identifier_country"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_org_id(cert, |id, text| {
            (!is_org_id_country(id.scheme, id.country)).then(|| {
                format!(
                    "organizationIdentifier \"{text}\" names the country {}, which is not an ISO 3166-1 code",
                    id.country
                )
            })
        })
    }
}

/// `cabf_ev.organization_identifier_subdivision_not_allowed`
///
/// **What it checks**: a subject organizationIdentifier carries a `+subdivision` part only
/// with the NTR scheme.
///
/// **Why it matters**: EVG §7.1.4.2.8 (ballot SC-017) defines the subdivision only for NTR
/// registrations administered at state or province level; VAT and PSD numbers are national.
///
/// **Example**: `VATDE+BY-123` fails; `NTRUS+CA-12345678` and `VATDE-123456789` pass;
/// issued before 2019-06-21 is not effective.
pub struct OrganizationIdentifierSubdivisionNotAllowed;

impl Rule for OrganizationIdentifierSubdivisionNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.organization_identifier_subdivision_not_allowed", Source::CabfEv, Severity::Error)
                .summary("only the NTR scheme may carry a '+subdivision' in organizationIdentifier")
                .citation("EVG §7.1.4.2.8")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2019, 6, 21))
                .needs(Need::SubjectAttribute(&attr::ORGANIZATION_IDENTIFIER))
                .aliases(&[
                    "zlint:e_cabf_org_identifier_psd_vat_has_state",
                    "pkilint:cabf.invalid_subject_organization_identifier_state_province_for_scheme",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_org_id(cert, |id, text| match id.subdivision {
            Some(sub) if id.scheme != "NTR" => Some(format!(
                "organizationIdentifier \"{text}\" has the subdivision {sub}, which only the NTR scheme allows"
            )),
            _ => None,
        })
    }
}

/// Whether a subdivision is 1-3 upper-case letters or digits (an ISO 3166-2 code without
/// its country prefix).
fn is_subdivision(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// `cabf_ev.organization_identifier_subdivision_invalid`
///
/// **What it checks**: the subdivision (the text after `+` and before the first `-`) of a
/// subject organizationIdentifier is one to three upper-case letters or digits.
///
/// **Why it matters**: EVG §7.1.4.2.8 prescribes an up-to-three alphanumeric ISO 3166-2
/// subdivision code, not a name.
///
/// **Example**: `NTRUS+California-123` and `NTRUS+-123` fail; `NTRUS+CA-123` passes; an
/// identifier without subdivision is not concerned.
pub struct OrganizationIdentifierSubdivisionInvalid;

impl Rule for OrganizationIdentifierSubdivisionInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.organization_identifier_subdivision_invalid", Source::CabfEv, Severity::Error)
                .summary("the organizationIdentifier subdivision must be a 1-3 character ISO 3166-2 code")
                .citation("EVG §7.1.4.2.8")
                .scope(Scope::TLS_BR)
                .effective(ORG_ID_DATE)
                .needs(Need::SubjectAttribute(&attr::ORGANIZATION_IDENTIFIER))
                .aliases(&["pkilint:cabf.invalid_organization_identifier_state_province_format"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_org_id(cert, |id, text| match id.subdivision {
            Some(sub) if !is_subdivision(sub) => Some(format!(
                "organizationIdentifier \"{text}\" has the subdivision \"{sub}\", not a 1-3 character ISO 3166-2 code"
            )),
            _ => None,
        })
    }
}

/// `cabf_ev.organization_identifier_reference_missing`
///
/// **What it checks**: a subject organizationIdentifier has a registration reference after
/// the first hyphen, and for the PSD scheme the reference has the form
/// `<NCA identifier>-<authorization number>`, both parts non-empty.
///
/// **Why it matters**: EVG §7.1.4.2.8 and Appendix H: the identifier exists to carry the
/// registration reference; a PSD reference (ETSI TS 119 495) names the national competent
/// authority and the number it assigned.
///
/// **Example**: `NTRGB-` fails; `PSDBE-1234` fails (no NCA identifier); `PSDBE-NBB-1234.567.890`
/// and `NTRGB-12345678` pass.
pub struct OrganizationIdentifierReferenceMissing;

impl Rule for OrganizationIdentifierReferenceMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_ev.organization_identifier_reference_missing", Source::CabfEv, Severity::Error)
                .summary("organizationIdentifier must carry the registration reference its scheme requires")
                .citation("EVG §7.1.4.2.8, Appendix H")
                .scope(Scope::TLS_BR)
                .effective(ORG_ID_DATE)
                .needs(Need::SubjectAttribute(&attr::ORGANIZATION_IDENTIFIER))
                .aliases(&["pkilint:cabf.organization_identifier_reference_missing_for_scheme"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_org_id(cert, |id, text| {
            if id.reference.is_empty() {
                return Some(format!("organizationIdentifier \"{text}\" has no registration reference"));
            }
            let psd_ok =
                id.reference.split_once('-').is_some_and(|(nca, number)| !nca.is_empty() && !number.is_empty());
            (id.scheme == "PSD" && !psd_ok).then(|| {
                format!("organizationIdentifier \"{text}\" is a PSD identifier without the form <NCA id>-<authorization number>")
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asn1::tag;
    use crate::oid::{ext, policy};
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::{string::String, vec::Vec};

    const P: u8 = tag::PRINTABLE_STRING;
    const U: u8 = tag::UTF8_STRING;

    type Attr<'a> = (&'a ObjectIdentifier, u8, &'a str);

    /// A compliant EV subject.
    fn ev_subject() -> Vec<Attr<'static>> {
        alloc::vec![
            (&attr::COUNTRY, P, "DE"),
            (&attr::LOCALITY, U, "Berlin"),
            (&attr::ORGANIZATION, U, "Example GmbH"),
            (&attr::BUSINESS_CATEGORY, U, "Private Organization"),
            (&attr::JURISDICTION_COUNTRY, P, "DE"),
            (&attr::SERIAL_NUMBER, P, "HRB 12345"),
            (&attr::ORGANIZATION_IDENTIFIER, U, "NTRDE-HRB12345"),
        ]
    }

    fn with_policy(pol: &ObjectIdentifier, attrs: &[Attr<'_>]) -> CertBuilder {
        CertBuilder::leaf().ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(pol)])])).subject(attrs)
    }

    fn ev(attrs: &[Attr<'_>]) -> CertBuilder {
        with_policy(&policy::EV, attrs)
    }

    /// The EV subject without attributes of type `drop`, plus `add`.
    fn ev_changed(drop: &ObjectIdentifier, add: &[Attr<'_>]) -> CertBuilder {
        let mut a: Vec<Attr<'_>> = ev_subject().into_iter().filter(|(o, _, _)| *o != drop).collect();
        a.extend_from_slice(add);
        ev(&a)
    }

    fn with_org_id(id: &str) -> CertBuilder {
        ev_changed(&attr::ORGANIZATION_IDENTIFIER, &[(&attr::ORGANIZATION_IDENTIFIER, U, id)])
    }

    fn message(rule: &'static dyn Rule, b: &CertBuilder) -> String {
        finding(rule, &b.build(), &Context::default()).1
    }

    #[test]
    fn parse_org_id() {
        let p = OrganizationIdentifier::parse;
        assert_eq!(
            p("NTRUS+CA-12345678"),
            Ok(OrganizationIdentifier { scheme: "NTR", country: "US", subdivision: Some("CA"), reference: "12345678" })
        );
        assert_eq!(p("PSDBE-NBB-1234.567.890").map(|i| i.reference), Ok("NBB-1234.567.890"));
        assert_eq!(p("NTRGB-").map(|i| i.reference), Ok(""));
        for bad in ["GB12345678", "ntrgb-1", "NTRGB12345", "NTR", "NTRG", "NTRUS+CA", "NTRÜS-1", ""] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn required_attributes() {
        for rule in
            [&BusinessCategoryMissing as &'static dyn Rule, &JurisdictionCountryMissing, &RegistrationNumberMissing]
        {
            assert_status(rule, &ev(&ev_subject()), Status::Pass);
            assert_status(rule, &ev(&[(&attr::ORGANIZATION, U, "Example GmbH")]), Status::Error);
            assert_status(rule, &with_policy(&policy::OV, &[(&attr::ORGANIZATION, U, "X")]), Status::NotApplicable);
        }
        let b = ev_changed(&attr::BUSINESS_CATEGORY, &[]);
        assert_eq!(message(&BusinessCategoryMissing, &b), "the EV subject has no businessCategory");
        let b = ev_changed(&attr::JURISDICTION_COUNTRY, &[]);
        assert_eq!(message(&JurisdictionCountryMissing, &b), "the EV subject has no jurisdictionCountryName");
        let b = ev_changed(&attr::SERIAL_NUMBER, &[]);
        assert_eq!(message(&RegistrationNumberMissing, &b), "the EV subject has no serialNumber");
    }

    #[test]
    fn business_category() {
        let rule = &BusinessCategoryInvalid;
        for c in BUSINESS_CATEGORIES {
            assert_status(
                rule,
                &ev_changed(&attr::BUSINESS_CATEGORY, &[(&attr::BUSINESS_CATEGORY, U, c)]),
                Status::Pass,
            );
        }
        let b = ev_changed(&attr::BUSINESS_CATEGORY, &[(&attr::BUSINESS_CATEGORY, U, "private organization")]);
        assert_status(rule, &b, Status::Error);
        assert_eq!(message(rule, &b), "businessCategory \"private organization\" is not one of the EVG categories");
        // Also outside EV certificates.
        let ov = with_policy(&policy::OV, &[(&attr::BUSINESS_CATEGORY, U, "Private Company")]);
        assert_status(rule, &ov, Status::Error);
        assert_status(rule, &ev_changed(&attr::BUSINESS_CATEGORY, &[]), Status::NotApplicable);
    }

    #[test]
    fn jurisdiction_country() {
        let rule = &JurisdictionCountryNotIso3166;
        assert_status(rule, &ev(&ev_subject()), Status::Pass);
        for c in ["UK", "de", "XX", "DEU"] {
            let b = ev_changed(&attr::JURISDICTION_COUNTRY, &[(&attr::JURISDICTION_COUNTRY, P, c)]);
            assert_status(rule, &b, Status::Error);
        }
        let b = ev_changed(&attr::JURISDICTION_COUNTRY, &[(&attr::JURISDICTION_COUNTRY, P, "UK")]);
        assert_eq!(message(rule, &b), "jurisdictionCountryName \"UK\" is not an ISO 3166-1 alpha-2 code");
        assert_status(rule, &ev_changed(&attr::JURISDICTION_COUNTRY, &[]), Status::NotApplicable);
    }

    #[test]
    fn jurisdiction_locality() {
        let rule = &JurisdictionLocalityWithoutProvince;
        assert_status(rule, &ev(&ev_subject()), Status::Pass);
        let l = (&attr::JURISDICTION_LOCALITY, U, "Springfield");
        let st = (&attr::JURISDICTION_STATE_OR_PROVINCE, U, "Illinois");
        let b = ev_changed(&attr::COMMON_NAME, &[l]);
        assert_status(rule, &b, Status::Warn);
        assert_eq!(
            message(rule, &b),
            "jurisdictionLocalityName \"Springfield\" is present without jurisdictionStateOrProvinceName"
        );
        assert_status(rule, &ev_changed(&attr::COMMON_NAME, &[l, st]), Status::Pass);
        assert_status(rule, &with_policy(&policy::OV, &[l]), Status::NotApplicable);
    }

    #[test]
    fn allowed_attributes() {
        let rule = &SubjectAttributeNotAllowed;
        let mut full = ev_subject();
        full.extend_from_slice(&[
            (&attr::STATE_OR_PROVINCE, U, "Berlin"),
            (&attr::STREET_ADDRESS, U, "Unter den Linden 1"),
            (&attr::POSTAL_CODE, U, "10117"),
            (&attr::JURISDICTION_LOCALITY, U, "Berlin"),
            (&attr::JURISDICTION_STATE_OR_PROVINCE, U, "Berlin"),
            (&attr::COMMON_NAME, U, "example.com"),
        ]);
        assert_status(rule, &ev(&full), Status::Pass);
        let b = ev_changed(&attr::COMMON_NAME, &[(&attr::EMAIL_ADDRESS, tag::IA5_STRING, "a@example.com")]);
        assert_status(rule, &b, Status::Error);
        assert_eq!(message(rule, &b), "the EV subject has emailAddress, which the EVG does not allow");
        let ou = ev_changed(&attr::COMMON_NAME, &[(&attr::ORGANIZATIONAL_UNIT, U, "IT")]);
        assert_status(rule, &ou, Status::Error);
        assert_status(rule, &b.clone().not_before(Time::ymd(2019, 4, 15)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2019, 4, 16)), Status::Error);
        assert_status(rule, &with_policy(&policy::OV, &[(&attr::TITLE, U, "x")]), Status::NotApplicable);
    }

    #[test]
    fn org_id_syntax() {
        let rule = &OrganizationIdentifierSyntaxInvalid;
        for ok in ["NTRGB-12345678", "NTRUS+CA-12345678", "VATDE-123456789", "PSDBE-NBB-1234.567.890"] {
            assert_status(rule, &with_org_id(ok), Status::Pass);
        }
        let b = with_org_id("GB12345678");
        assert_status(rule, &b, Status::Error);
        assert_eq!(
            message(rule, &b),
            "organizationIdentifier \"GB12345678\" is malformed: it does not start with a 3-letter upper-case scheme"
        );
        assert_status(rule, &with_org_id("NTRGB12345"), Status::Error);
        assert_status(rule, &with_org_id("ntrgb-1"), Status::Error);
        assert_status(rule, &ev_changed(&attr::ORGANIZATION_IDENTIFIER, &[]), Status::NotApplicable);
        let b = with_org_id("bad");
        assert_status(rule, &b.clone().not_before(Time::ymd(2020, 1, 30)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2020, 1, 31)), Status::Error);
        // Any BR type, not only EV.
        let ov = with_policy(&policy::OV, &[(&attr::ORGANIZATION_IDENTIFIER, U, "x")]);
        assert_status(rule, &ov, Status::Error);
    }

    #[test]
    fn org_id_scheme() {
        let rule = &OrganizationIdentifierSchemeUnknown;
        for s in REGISTRATION_SCHEMES {
            assert_status(rule, &with_org_id(&format!("{s}DE-1")), Status::Pass);
        }
        let b = with_org_id("LEIXG-5493001KJTIIGC8Y1R12");
        assert_status(rule, &b, Status::Error);
        assert_eq!(
            message(rule, &b),
            "organizationIdentifier \"LEIXG-5493001KJTIIGC8Y1R12\" uses the registration scheme LEI, which is not in EVG Appendix H"
        );
        assert_status(rule, &with_org_id("garbage"), Status::NotApplicable);
        assert_status(rule, &b.clone().not_before(Time::ymd(2020, 1, 30)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2020, 1, 31)), Status::Error);
    }

    #[test]
    fn org_id_country() {
        let rule = &OrganizationIdentifierCountryInvalid;
        for ok in ["NTRGB-1", "VATEL-123456789", "NTRXG-1", "PSDBE-NBB-1"] {
            assert_status(rule, &with_org_id(ok), Status::Pass);
        }
        for bad in ["NTRUK-1", "NTREL-1", "VATXX-1"] {
            assert_status(rule, &with_org_id(bad), Status::Error);
        }
        assert_eq!(
            message(rule, &with_org_id("NTRUK-1")),
            "organizationIdentifier \"NTRUK-1\" names the country UK, which is not an ISO 3166-1 code"
        );
        assert_status(rule, &ev_changed(&attr::ORGANIZATION_IDENTIFIER, &[]), Status::NotApplicable);
        let b = with_org_id("NTRUK-1");
        assert_status(rule, &b.clone().not_before(Time::ymd(2020, 1, 30)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2020, 1, 31)), Status::Error);
    }

    #[test]
    fn org_id_subdivision() {
        let not_allowed = &OrganizationIdentifierSubdivisionNotAllowed;
        assert_status(not_allowed, &with_org_id("NTRUS+CA-12345678"), Status::Pass);
        assert_status(not_allowed, &with_org_id("VATDE-123456789"), Status::Pass);
        let b = with_org_id("VATDE+BY-123");
        assert_status(not_allowed, &b, Status::Error);
        assert_eq!(
            message(not_allowed, &b),
            "organizationIdentifier \"VATDE+BY-123\" has the subdivision BY, which only the NTR scheme allows"
        );
        assert_status(not_allowed, &with_org_id("PSDBE+X-NBB-1"), Status::Error);
        assert_status(not_allowed, &b.clone().not_before(Time::ymd(2019, 6, 20)), Status::NotEffective);
        assert_status(not_allowed, &b.not_before(Time::ymd(2019, 6, 21)), Status::Error);

        let invalid = &OrganizationIdentifierSubdivisionInvalid;
        assert_status(invalid, &with_org_id("NTRUS+CA-1"), Status::Pass);
        assert_status(invalid, &with_org_id("NTRGB-1"), Status::Pass);
        assert_status(invalid, &with_org_id("NTRUS+California-1"), Status::Error);
        assert_status(invalid, &with_org_id("NTRUS+-1"), Status::Error);
        assert_status(invalid, &with_org_id("NTRUS+ca-1"), Status::Error);
        assert_eq!(
            message(invalid, &with_org_id("NTRUS+California-1")),
            "organizationIdentifier \"NTRUS+California-1\" has the subdivision \"California\", not a 1-3 character ISO 3166-2 code"
        );
        let b = with_org_id("NTRUS+ABCD-1");
        assert_status(invalid, &b.clone().not_before(Time::ymd(2020, 1, 30)), Status::NotEffective);
        assert_status(invalid, &b.not_before(Time::ymd(2020, 1, 31)), Status::Error);
        assert_status(invalid, &ev_changed(&attr::ORGANIZATION_IDENTIFIER, &[]), Status::NotApplicable);
    }

    #[test]
    fn org_id_reference() {
        let rule = &OrganizationIdentifierReferenceMissing;
        assert_status(rule, &with_org_id("NTRGB-12345678"), Status::Pass);
        assert_status(rule, &with_org_id("PSDBE-NBB-1234.567.890"), Status::Pass);
        let b = with_org_id("NTRGB-");
        assert_status(rule, &b, Status::Error);
        assert_eq!(message(rule, &b), "organizationIdentifier \"NTRGB-\" has no registration reference");
        let psd = with_org_id("PSDBE-1234");
        assert_status(rule, &psd, Status::Error);
        assert!(message(rule, &psd).contains("<NCA id>-<authorization number>"));
        assert_status(rule, &with_org_id("PSDBE-NBB-"), Status::Error);
        assert_status(rule, &ev_changed(&attr::ORGANIZATION_IDENTIFIER, &[]), Status::NotApplicable);
        assert_status(rule, &b.clone().not_before(Time::ymd(2020, 1, 30)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2020, 1, 31)), Status::Error);
    }
}
