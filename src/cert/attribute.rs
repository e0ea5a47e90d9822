//! Helpers on name attributes for the subject-name rules: the value as text and a short
//! name of the attribute type for messages.

use alloc::{borrow::Cow, format, string::String};

use super::AttributeTypeAndValue;
use crate::asn1::tag;
use crate::oid::{attr, ObjectIdentifier};

/// Short names of the attribute types the CA/Browser Forum documents mention.
const LABELS: [(&ObjectIdentifier, &str); 25] = [
    (&attr::COMMON_NAME, "commonName"),
    (&attr::SURNAME, "surname"),
    (&attr::SERIAL_NUMBER, "serialNumber"),
    (&attr::COUNTRY, "countryName"),
    (&attr::LOCALITY, "localityName"),
    (&attr::STATE_OR_PROVINCE, "stateOrProvinceName"),
    (&attr::STREET_ADDRESS, "streetAddress"),
    (&attr::ORGANIZATION, "organizationName"),
    (&attr::ORGANIZATIONAL_UNIT, "organizationalUnitName"),
    (&attr::TITLE, "title"),
    (&attr::BUSINESS_CATEGORY, "businessCategory"),
    (&attr::POSTAL_CODE, "postalCode"),
    (&attr::GIVEN_NAME, "givenName"),
    (&attr::INITIALS, "initials"),
    (&attr::GENERATION_QUALIFIER, "generationQualifier"),
    (&attr::NAME, "name"),
    (&attr::DN_QUALIFIER, "dnQualifier"),
    (&attr::PSEUDONYM, "pseudonym"),
    (&attr::ORGANIZATION_IDENTIFIER, "organizationIdentifier"),
    (&attr::DOMAIN_COMPONENT, "domainComponent"),
    (&attr::USER_ID, "userId"),
    (&attr::EMAIL_ADDRESS, "emailAddress"),
    (&attr::JURISDICTION_LOCALITY, "jurisdictionLocalityName"),
    (&attr::JURISDICTION_STATE_OR_PROVINCE, "jurisdictionStateOrProvinceName"),
    (&attr::JURISDICTION_COUNTRY, "jurisdictionCountryName"),
];

impl<'a> AttributeTypeAndValue<'a> {
    /// The value as text for any string type: borrowed when it is UTF-8 or single-byte
    /// ASCII, decoded into a new string for BMPString/UniversalString (and TeletexString
    /// read as Latin-1). `None` when the value is not a valid string of its type.
    pub fn text(&self) -> Option<Cow<'a, str>> {
        if let Some(s) = self.as_str() {
            return Some(Cow::Borrowed(s));
        }
        if self.tag == tag::TELETEX_STRING {
            return Some(Cow::Owned(self.value.iter().map(|&b| char::from(b)).collect()));
        }
        let chars = self.decode()?;
        chars.collect::<Option<String>>().map(Cow::Owned)
    }

    /// A short name of the attribute type (`commonName`, `jurisdictionCountryName`, ...),
    /// or its dotted OID when it has none here.
    pub fn type_name(&self) -> Cow<'static, str> {
        LABELS
            .iter()
            .find(|(o, _)| self.oid.is(o))
            .map_or_else(|| Cow::Owned(format!("{}", self.oid)), |(_, l)| Cow::Borrowed(*l))
    }
}

/// The name of an ASN.1 string tag, for messages.
pub fn string_tag_name(t: u8) -> &'static str {
    match t {
        tag::UTF8_STRING => "UTF8String",
        tag::PRINTABLE_STRING => "PrintableString",
        tag::IA5_STRING => "IA5String",
        tag::TELETEX_STRING => "TeletexString",
        tag::BMP_STRING => "BMPString",
        tag::UNIVERSAL_STRING => "UniversalString",
        tag::VISIBLE_STRING => "VisibleString",
        tag::NUMERIC_STRING => "NumericString",
        _ => "a non-string type",
    }
}
