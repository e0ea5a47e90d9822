//! Object identifiers: a borrowed view and the constants the rules use.
//!
//! Constants are `const_oid::ObjectIdentifier` values (the `db` has no CA/Browser Forum
//! arcs, so those are defined here). Identifiers read from a certificate stay borrowed as
//! [`Oid`] and compare against the constants byte for byte.

use core::fmt;

pub use const_oid::ObjectIdentifier;

/// The content octets of an OBJECT IDENTIFIER, borrowed from the certificate.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Oid<'a>(&'a [u8]);

impl<'a> Oid<'a> {
    /// Wraps content octets, checking that they form a well-formed identifier
    /// (non-empty, minimal sub-identifiers, last octet terminates).
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        // A sub-identifier starts after a terminating octet (bit 8 clear) and must not
        // start with 0x80 (a non-minimal leading zero group).
        let mut starts_arc = true;
        for &b in bytes {
            if starts_arc && b == 0x80 {
                return None;
            }
            starts_arc = b & 0x80 == 0;
        }
        (starts_arc && !bytes.is_empty()).then_some(Self(bytes))
    }

    /// Wraps content octets already found well formed by [`Oid::new`].
    pub(crate) fn new_unchecked(bytes: &'a [u8]) -> Self {
        Self(bytes)
    }

    /// The content octets.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// An owned identifier, if it fits `const_oid`'s limits.
    pub fn to_owned(&self) -> Option<ObjectIdentifier> {
        ObjectIdentifier::from_bytes(self.0).ok()
    }

    /// Whether this identifier equals `other`.
    pub fn is(&self, other: &ObjectIdentifier) -> bool {
        // Identifiers are short and most comparisons fail early: an inline loop beats a
        // call to memcmp here.
        let other = other.as_bytes();
        self.0.len() == other.len() && self.0.iter().rev().zip(other.iter().rev()).all(|(a, b)| a == b)
    }

    /// Whether this identifier lies strictly below `arc`.
    pub fn is_under(&self, arc: &ObjectIdentifier) -> bool {
        let a = arc.as_bytes();
        self.0.len() > a.len() && self.0.starts_with(a)
    }

    /// The arcs, decoded lazily.
    pub fn arcs(&self) -> impl Iterator<Item = u64> + 'a {
        let mut bytes = self.0.iter();
        let mut first = true;
        let mut pending: Option<u64> = None;
        core::iter::from_fn(move || {
            if let Some(p) = pending.take() {
                return Some(p);
            }
            let mut v: u64 = 0;
            loop {
                let b = *bytes.next()?;
                v = v.checked_mul(128)?.checked_add(u64::from(b & 0x7f))?;
                if b & 0x80 == 0 {
                    break;
                }
            }
            if first {
                first = false;
                let (a, b) = match v {
                    0..=39 => (0, v),
                    40..=79 => (1, v - 40),
                    _ => (2, v - 80),
                };
                pending = Some(b);
                return Some(a);
            }
            Some(v)
        })
    }
}

impl PartialEq<ObjectIdentifier> for Oid<'_> {
    fn eq(&self, other: &ObjectIdentifier) -> bool {
        self.is(other)
    }
}

impl fmt::Display for Oid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, arc) in self.arcs().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{arc}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Oid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Oid({self})")
    }
}

macro_rules! oids {
    ($($(#[$doc:meta])* $name:ident = $value:literal;)*) => {
        $($(#[$doc])* pub const $name: ObjectIdentifier = ObjectIdentifier::new_unwrap($value);)*
    };
}

/// Attribute types of distinguished names.
pub mod attr {
    use super::ObjectIdentifier;
    oids! {
        /// commonName
        COMMON_NAME = "2.5.4.3";
        /// surname
        SURNAME = "2.5.4.4";
        /// serialNumber
        SERIAL_NUMBER = "2.5.4.5";
        /// countryName
        COUNTRY = "2.5.4.6";
        /// localityName
        LOCALITY = "2.5.4.7";
        /// stateOrProvinceName
        STATE_OR_PROVINCE = "2.5.4.8";
        /// streetAddress
        STREET_ADDRESS = "2.5.4.9";
        /// organizationName
        ORGANIZATION = "2.5.4.10";
        /// organizationalUnitName
        ORGANIZATIONAL_UNIT = "2.5.4.11";
        /// title
        TITLE = "2.5.4.12";
        /// businessCategory
        BUSINESS_CATEGORY = "2.5.4.15";
        /// postalCode
        POSTAL_CODE = "2.5.4.17";
        /// givenName
        GIVEN_NAME = "2.5.4.42";
        /// initials
        INITIALS = "2.5.4.43";
        /// generationQualifier
        GENERATION_QUALIFIER = "2.5.4.44";
        /// dnQualifier
        DN_QUALIFIER = "2.5.4.46";
        /// pseudonym
        PSEUDONYM = "2.5.4.65";
        /// organizationIdentifier
        ORGANIZATION_IDENTIFIER = "2.5.4.97";
        /// name
        NAME = "2.5.4.41";
        /// domainComponent
        DOMAIN_COMPONENT = "0.9.2342.19200300.100.1.25";
        /// userId
        USER_ID = "0.9.2342.19200300.100.1.1";
        /// emailAddress (PKCS #9, deprecated in names)
        EMAIL_ADDRESS = "1.2.840.113549.1.9.1";
        /// jurisdictionLocalityName (EV)
        JURISDICTION_LOCALITY = "1.3.6.1.4.1.311.60.2.1.1";
        /// jurisdictionStateOrProvinceName (EV)
        JURISDICTION_STATE_OR_PROVINCE = "1.3.6.1.4.1.311.60.2.1.2";
        /// jurisdictionCountryName (EV)
        JURISDICTION_COUNTRY = "1.3.6.1.4.1.311.60.2.1.3";
    }
}

/// Certificate extensions.
pub mod ext {
    use super::ObjectIdentifier;
    oids! {
        /// subjectDirectoryAttributes
        SUBJECT_DIRECTORY_ATTRIBUTES = "2.5.29.9";
        /// subjectKeyIdentifier
        SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
        /// keyUsage
        KEY_USAGE = "2.5.29.15";
        /// privateKeyUsagePeriod
        PRIVATE_KEY_USAGE_PERIOD = "2.5.29.16";
        /// subjectAltName
        SUBJECT_ALT_NAME = "2.5.29.17";
        /// issuerAltName
        ISSUER_ALT_NAME = "2.5.29.18";
        /// basicConstraints
        BASIC_CONSTRAINTS = "2.5.29.19";
        /// nameConstraints
        NAME_CONSTRAINTS = "2.5.29.30";
        /// cRLDistributionPoints
        CRL_DISTRIBUTION_POINTS = "2.5.29.31";
        /// certificatePolicies
        CERTIFICATE_POLICIES = "2.5.29.32";
        /// policyMappings
        POLICY_MAPPINGS = "2.5.29.33";
        /// authorityKeyIdentifier
        AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
        /// policyConstraints
        POLICY_CONSTRAINTS = "2.5.29.36";
        /// extKeyUsage
        EXT_KEY_USAGE = "2.5.29.37";
        /// freshestCRL
        FRESHEST_CRL = "2.5.29.46";
        /// inhibitAnyPolicy
        INHIBIT_ANY_POLICY = "2.5.29.54";
        /// noRevAvail (RFC 9608)
        NO_REV_AVAIL = "2.5.29.56";
        /// authorityInfoAccess
        AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
        /// subjectInfoAccess
        SUBJECT_INFO_ACCESS = "1.3.6.1.5.5.7.1.11";
        /// TLS feature (OCSP must-staple), RFC 7633
        TLS_FEATURE = "1.3.6.1.5.5.7.1.24";
        /// logotype (RFC 3709)
        LOGOTYPE = "1.3.6.1.5.5.7.1.12";
        /// qcStatements (RFC 3739)
        QC_STATEMENTS = "1.3.6.1.5.5.7.1.3";
        /// id-pkix-ocsp-nocheck (RFC 6960)
        OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";
        /// Embedded SCT list (RFC 6962)
        CT_SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";
        /// Precertificate poison (RFC 6962)
        CT_POISON = "1.3.6.1.4.1.11129.2.4.3";
        /// CA/Browser Forum organizationIdentifier extension (EVG §9.8.2)
        CABF_ORGANIZATION_IDENTIFIER = "2.23.140.3.1";
        /// Microsoft certificate template v1 name
        MS_CERTIFICATE_TEMPLATE_NAME = "1.3.6.1.4.1.311.20.2";
        /// Microsoft certificate template v2
        MS_CERTIFICATE_TEMPLATE = "1.3.6.1.4.1.311.21.7";
        /// Microsoft CA version
        MS_CA_VERSION = "1.3.6.1.4.1.311.21.1";
        /// Microsoft application policies
        MS_APPLICATION_POLICIES = "1.3.6.1.4.1.311.21.10";
        /// Netscape certificate type (obsolete)
        NETSCAPE_CERT_TYPE = "2.16.840.1.113730.1.1";
        /// Netscape comment (obsolete)
        NETSCAPE_COMMENT = "2.16.840.1.113730.1.13";
    }
}

/// Extended key usage purposes.
pub mod eku {
    use super::ObjectIdentifier;
    oids! {
        /// anyExtendedKeyUsage
        ANY = "2.5.29.37.0";
        /// id-kp-serverAuth
        SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
        /// id-kp-clientAuth
        CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
        /// id-kp-codeSigning
        CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
        /// id-kp-emailProtection
        EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
        /// id-kp-timeStamping
        TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
        /// id-kp-OCSPSigning
        OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
        /// Certificate Transparency precertificate signing (RFC 6962)
        PRECERT_SIGNING = "1.3.6.1.4.1.11129.2.4.4";
        /// Microsoft document signing
        MS_DOCUMENT_SIGNING = "1.3.6.1.4.1.311.10.3.12";
        /// Microsoft server gated crypto
        MS_SERVER_GATED_CRYPTO = "1.3.6.1.4.1.311.10.3.3";
        /// Netscape server gated crypto
        NS_SERVER_GATED_CRYPTO = "2.16.840.1.113730.4.1";
        /// id-kp-BrandIndicatorforMessageIdentification (VMC)
        BIMI = "1.3.6.1.5.5.7.3.31";
    }
}

/// Certificate policy identifiers.
pub mod policy {
    use super::ObjectIdentifier;
    oids! {
        /// anyPolicy
        ANY_POLICY = "2.5.29.32.0";
        /// CA/Browser Forum certificate-policies arc
        CABF = "2.23.140.1";
        /// Extended Validation TLS
        EV = "2.23.140.1.1";
        /// Domain validated TLS
        DV = "2.23.140.1.2.1";
        /// Organization validated TLS
        OV = "2.23.140.1.2.2";
        /// Individual validated TLS
        IV = "2.23.140.1.2.3";
        /// Extended Validation code signing
        EV_CODE_SIGNING = "2.23.140.1.3";
        /// Non-EV code signing
        CODE_SIGNING = "2.23.140.1.4.1";
        /// S/MIME policies arc
        SMIME = "2.23.140.1.5";
        /// Onion EV (obsolete)
        TOR_SERVICE_DESCRIPTOR = "2.23.140.1.31";
        /// CPS pointer qualifier
        QT_CPS = "1.3.6.1.5.5.7.2.1";
        /// User notice qualifier
        QT_UNOTICE = "1.3.6.1.5.5.7.2.2";
    }
}

/// Access methods of AIA and SIA.
pub mod access {
    use super::ObjectIdentifier;
    oids! {
        /// id-ad-ocsp
        OCSP = "1.3.6.1.5.5.7.48.1";
        /// id-ad-caIssuers
        CA_ISSUERS = "1.3.6.1.5.5.7.48.2";
        /// id-ad-timeStamping
        TIME_STAMPING = "1.3.6.1.5.5.7.48.3";
        /// id-ad-caRepository
        CA_REPOSITORY = "1.3.6.1.5.5.7.48.5";
    }
}

/// Public key and signature algorithms, and named curves.
pub mod alg {
    use super::ObjectIdentifier;
    oids! {
        /// rsaEncryption
        RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
        /// id-RSASSA-PSS
        RSASSA_PSS = "1.2.840.113549.1.1.10";
        /// id-RSAES-OAEP
        RSAES_OAEP = "1.2.840.113549.1.1.7";
        /// md2WithRSAEncryption
        MD2_WITH_RSA = "1.2.840.113549.1.1.2";
        /// md5WithRSAEncryption
        MD5_WITH_RSA = "1.2.840.113549.1.1.4";
        /// sha1WithRSAEncryption
        SHA1_WITH_RSA = "1.2.840.113549.1.1.5";
        /// sha256WithRSAEncryption
        SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
        /// sha384WithRSAEncryption
        SHA384_WITH_RSA = "1.2.840.113549.1.1.12";
        /// sha512WithRSAEncryption
        SHA512_WITH_RSA = "1.2.840.113549.1.1.13";
        /// sha224WithRSAEncryption
        SHA224_WITH_RSA = "1.2.840.113549.1.1.14";
        /// id-mgf1
        MGF1 = "1.2.840.113549.1.1.8";
        /// id-ecPublicKey
        EC_PUBLIC_KEY = "1.2.840.10045.2.1";
        /// ecdsa-with-SHA1
        ECDSA_WITH_SHA1 = "1.2.840.10045.4.1";
        /// ecdsa-with-SHA224
        ECDSA_WITH_SHA224 = "1.2.840.10045.4.3.1";
        /// ecdsa-with-SHA256
        ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
        /// ecdsa-with-SHA384
        ECDSA_WITH_SHA384 = "1.2.840.10045.4.3.3";
        /// ecdsa-with-SHA512
        ECDSA_WITH_SHA512 = "1.2.840.10045.4.3.4";
        /// id-dsa
        DSA = "1.2.840.10040.4.1";
        /// id-dsa-with-sha1
        DSA_WITH_SHA1 = "1.2.840.10040.4.3";
        /// id-dsa-with-sha256
        DSA_WITH_SHA256 = "2.16.840.1.101.3.4.3.2";
        /// id-dsa-with-sha224 (RFC 5758)
        DSA_WITH_SHA224 = "2.16.840.1.101.3.4.3.1";
        /// id-Ed25519
        ED25519 = "1.3.101.112";
        /// id-Ed448
        ED448 = "1.3.101.113";
        /// id-X25519
        X25519 = "1.3.101.110";
        /// id-X448
        X448 = "1.3.101.111";
        /// id-ecDH
        EC_DH = "1.3.132.1.12";
        /// id-ecMQV
        EC_MQV = "1.3.132.1.13";
        /// secp256r1 (P-256)
        SECP256R1 = "1.2.840.10045.3.1.7";
        /// secp384r1 (P-384)
        SECP384R1 = "1.3.132.0.34";
        /// secp521r1 (P-521)
        SECP521R1 = "1.3.132.0.35";
        /// secp224r1 (P-224)
        SECP224R1 = "1.3.132.0.33";
        /// secp256k1
        SECP256K1 = "1.3.132.0.10";
        /// id-sha1
        SHA1 = "1.3.14.3.2.26";
        /// id-sha224
        SHA224 = "2.16.840.1.101.3.4.2.4";
        /// id-sha256
        SHA256 = "2.16.840.1.101.3.4.2.1";
        /// id-sha384
        SHA384 = "2.16.840.1.101.3.4.2.2";
        /// id-sha512
        SHA512 = "2.16.840.1.101.3.4.2.3";
        /// id-ml-dsa-44 (FIPS 204)
        ML_DSA_44 = "2.16.840.1.101.3.4.3.17";
        /// id-ml-dsa-65 (FIPS 204)
        ML_DSA_65 = "2.16.840.1.101.3.4.3.18";
        /// id-ml-dsa-87 (FIPS 204)
        ML_DSA_87 = "2.16.840.1.101.3.4.3.19";
        /// dhpublicnumber (RFC 3279 §2.3.3)
        DH_PUBLIC_NUMBER = "1.2.840.10046.2.1";
        /// id-pSpecified (RFC 4055 §4.1)
        P_SPECIFIED = "1.2.840.113549.1.1.9";
        /// secp192r1 (P-192)
        SECP192R1 = "1.2.840.10045.3.1.1";
        /// id-slh-dsa-sha2-128s (FIPS 205); the other eleven SLH-DSA parameter sets follow as
        /// arcs 21 to 31
        SLH_DSA_SHA2_128S = "2.16.840.1.101.3.4.3.20";
        /// id-slh-dsa-shake-256f (FIPS 205), the last pure SLH-DSA identifier
        SLH_DSA_SHAKE_256F = "2.16.840.1.101.3.4.3.31";
        /// id-alg-ml-kem-512 (FIPS 203)
        ML_KEM_512 = "2.16.840.1.101.3.4.4.1";
        /// id-alg-ml-kem-768 (FIPS 203)
        ML_KEM_768 = "2.16.840.1.101.3.4.4.2";
        /// id-alg-ml-kem-1024 (FIPS 203)
        ML_KEM_1024 = "2.16.840.1.101.3.4.4.3";
        /// id-slh-dsa-sha2-128f (FIPS 205)
        SLH_DSA_SHA2_128F = "2.16.840.1.101.3.4.3.21";
        /// id-slh-dsa-sha2-192s (FIPS 205)
        SLH_DSA_SHA2_192S = "2.16.840.1.101.3.4.3.22";
        /// id-slh-dsa-sha2-192f (FIPS 205)
        SLH_DSA_SHA2_192F = "2.16.840.1.101.3.4.3.23";
        /// id-slh-dsa-sha2-256s (FIPS 205)
        SLH_DSA_SHA2_256S = "2.16.840.1.101.3.4.3.24";
        /// id-slh-dsa-sha2-256f (FIPS 205)
        SLH_DSA_SHA2_256F = "2.16.840.1.101.3.4.3.25";
        /// id-slh-dsa-shake-128s (FIPS 205)
        SLH_DSA_SHAKE_128S = "2.16.840.1.101.3.4.3.26";
        /// id-slh-dsa-shake-128f (FIPS 205)
        SLH_DSA_SHAKE_128F = "2.16.840.1.101.3.4.3.27";
        /// id-slh-dsa-shake-192s (FIPS 205)
        SLH_DSA_SHAKE_192S = "2.16.840.1.101.3.4.3.28";
        /// id-slh-dsa-shake-192f (FIPS 205)
        SLH_DSA_SHAKE_192F = "2.16.840.1.101.3.4.3.29";
        /// id-slh-dsa-shake-256s (FIPS 205)
        SLH_DSA_SHAKE_256S = "2.16.840.1.101.3.4.3.30";
    }
}

/// Signature algorithm families.
pub mod sig {
    use super::{alg, ObjectIdentifier};

    /// RSASSA-PKCS1-v1_5 signature algorithms (`*WithRSAEncryption`).
    pub const RSA_PKCS1: [&ObjectIdentifier; 7] = [
        &alg::MD2_WITH_RSA,
        &alg::MD5_WITH_RSA,
        &alg::SHA1_WITH_RSA,
        &alg::SHA224_WITH_RSA,
        &alg::SHA256_WITH_RSA,
        &alg::SHA384_WITH_RSA,
        &alg::SHA512_WITH_RSA,
    ];

    /// ECDSA signature algorithms (`ecdsa-with-*`).
    pub const ECDSA: [&ObjectIdentifier; 5] = [
        &alg::ECDSA_WITH_SHA1,
        &alg::ECDSA_WITH_SHA224,
        &alg::ECDSA_WITH_SHA256,
        &alg::ECDSA_WITH_SHA384,
        &alg::ECDSA_WITH_SHA512,
    ];
}

/// Other names (GeneralName otherName type-ids).
pub mod other_name {
    use super::ObjectIdentifier;
    oids! {
        /// id-on-SmtpUTF8Mailbox (RFC 9598)
        SMTP_UTF8_MAILBOX = "1.3.6.1.5.5.7.8.9";
        /// Microsoft user principal name
        MS_UPN = "1.3.6.1.4.1.311.20.2.3";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn display_and_compare() {
        let o = Oid::new(ext::BASIC_CONSTRAINTS.as_bytes()).unwrap();
        assert_eq!(o.to_string(), "2.5.29.19");
        assert!(o.is(&ext::BASIC_CONSTRAINTS));
        assert!(!o.is(&ext::KEY_USAGE));
        let ev = Oid::new(policy::EV.as_bytes()).unwrap();
        assert!(ev.is_under(&policy::CABF));
        assert_eq!(Oid::new(alg::ED25519.as_bytes()).unwrap().to_string(), "1.3.101.112");
        assert!(Oid::new(&[0x2a, 0x80, 0x01]).is_none());
        assert!(Oid::new(&[0x2a, 0x81]).is_none());
        assert!(Oid::new(&[]).is_none());
        assert!(Oid::new(&[0x80, 0x01]).is_none());
        assert!(Oid::new(&[0x2a, 0x81, 0x80, 0x01]).is_some());
    }
}
