//! GeneralName (RFC 5280 §4.2.1.6), read entry by entry so that one bad entry does not
//! hide the others.

use crate::asn1::{tag, Asn1Error, Reader, Tlv};
use crate::oid::Oid;

use super::Name;

/// One GeneralName. String forms keep their raw octets: IA5String content is supposed
/// to be ASCII, and whether it is is for the rules to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneralName<'a> {
    /// `[0] otherName`
    OtherName {
        /// type-id
        type_id: Oid<'a>,
        /// The `[0] EXPLICIT` value's inner element, whole.
        value: &'a [u8],
    },
    /// `[1] rfc822Name`
    Rfc822Name(&'a [u8]),
    /// `[2] dNSName`
    DnsName(&'a [u8]),
    /// `[3] x400Address`
    X400Address(&'a [u8]),
    /// `[4] directoryName` (checked for shape)
    DirectoryName(Name<'a>),
    /// `[5] ediPartyName`
    EdiPartyName(&'a [u8]),
    /// `[6] uniformResourceIdentifier`
    Uri(&'a [u8]),
    /// `[7] iPAddress`: 4 or 16 octets in a SAN; 8 or 32 (address and mask) in name constraints.
    IpAddress(&'a [u8]),
    /// `[8] registeredID`
    RegisteredId(Oid<'a>),
}

impl<'a> GeneralName<'a> {
    /// Reads one GeneralName element.
    pub fn from_tlv(t: Tlv<'a>) -> Result<Self, Asn1Error> {
        Ok(match t.tag {
            0xa0 => {
                let mut r = t.reader();
                let id = r.read_tag(tag::OID)?;
                let type_id = Oid::new(id.value).ok_or(Asn1Error::InvalidValue("malformed otherName type-id"))?;
                let wrapper = r.read_tag(tag::context_constructed(0))?;
                r.finish()?;
                let inner = Tlv::parse(wrapper.value)?;
                Self::OtherName { type_id, value: inner.raw }
            }
            0x81 => Self::Rfc822Name(t.value),
            0x82 => Self::DnsName(t.value),
            0xa3 => Self::X400Address(t.value),
            0xa4 => Self::DirectoryName(Name::parse(t.value)?),
            0xa5 => Self::EdiPartyName(t.value),
            0x86 => Self::Uri(t.value),
            0x87 => Self::IpAddress(t.value),
            0x88 => Self::RegisteredId(Oid::new(t.value).ok_or(Asn1Error::InvalidValue("malformed registeredID"))?),
            _ => return Err(Asn1Error::InvalidValue("unknown GeneralName choice")),
        })
    }

    /// The text of an IA5String form (rfc822Name, dNSName, URI) if it is ASCII.
    pub fn as_ia5(&self) -> Option<&'a str> {
        match self {
            Self::Rfc822Name(b) | Self::DnsName(b) | Self::Uri(b) if b.is_ascii() => core::str::from_utf8(b).ok(),
            _ => None,
        }
    }

    /// A short name of the choice, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::OtherName { .. } => "otherName",
            Self::Rfc822Name(_) => "rfc822Name",
            Self::DnsName(_) => "dNSName",
            Self::X400Address(_) => "x400Address",
            Self::DirectoryName(_) => "directoryName",
            Self::EdiPartyName(_) => "ediPartyName",
            Self::Uri(_) => "uniformResourceIdentifier",
            Self::IpAddress(_) => "iPAddress",
            Self::RegisteredId(_) => "registeredID",
        }
    }
}

/// `GeneralNames`: a SEQUENCE OF GeneralName whose framing was checked. Iterating yields
/// each entry or the reason that entry could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneralNames<'a> {
    content: &'a [u8],
}

impl<'a> crate::cert::extensions::SequenceView<'a> for GeneralNames<'a> {
    fn validated(content: &'a [u8]) -> Self {
        Self { content }
    }
}

impl<'a> GeneralNames<'a> {
    /// Parses a whole `SEQUENCE OF GeneralName` element (the framing only).
    pub fn parse(raw: &'a [u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(raw)?.expect(tag::SEQUENCE)?;
        Self::from_content(seq.value)
    }

    /// From the content octets of an implicitly tagged GeneralNames.
    pub fn from_content(content: &'a [u8]) -> Result<Self, Asn1Error> {
        for t in Reader::new(content) {
            t?;
        }
        Ok(Self { content })
    }

    /// Whether the sequence is empty.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
    }

    /// Every entry, in order; an entry that does not decode comes back as its error.
    pub fn iter(&self) -> impl Iterator<Item = Result<GeneralName<'a>, Asn1Error>> + 'a {
        Reader::new(self.content).map(|t| GeneralName::from_tlv(t?))
    }

    /// The entries that decode.
    pub fn names(&self) -> impl Iterator<Item = GeneralName<'a>> + 'a {
        self.iter().filter_map(Result::ok)
    }

    /// The dNSName entries' raw octets.
    pub fn dns_names(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.names().filter_map(|n| match n {
            GeneralName::DnsName(d) => Some(d),
            _ => None,
        })
    }
}
