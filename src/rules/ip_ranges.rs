//! The IANA IPv4 and IPv6 Special-Purpose Address Registries, which define "Reserved IP
//! Address" in TLS BR §1.6.1: an address inside the block of any entry of either registry.
//!
//! Snapshot: the registries as of 2025 (IPv4 last updated 2024-02, IPv6 2025-04, including
//! 3fff::/20 of RFC 9637, 5f00::/16 of RFC 9602 and 100:0:0:1::/64 of RFC 9780), written
//! from the registry pages. More specific entries inside a larger block
//! (192.0.0.9/32 inside 192.0.0.0/24, TEREDO inside 2001::/23) are listed before it so that
//! [`reserved_block`] names the most specific one. Multicast (224.0.0.0/4, ff00::/8) is not
//! in either registry and so is not reserved in the BR sense.

/// One registry entry: an address block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecialBlock {
    /// The network address (4 octets used for IPv4, 16 for IPv6).
    pub network: [u8; 16],
    /// The prefix length in bits.
    pub prefix_len: u8,
    /// The registry's name for the block, with its CIDR notation.
    pub name: &'static str,
}

const fn v4(a: u8, b: u8, c: u8, d: u8, prefix_len: u8, name: &'static str) -> SpecialBlock {
    SpecialBlock { network: [a, b, c, d, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], prefix_len, name }
}

const fn v6(w: [u16; 8], prefix_len: u8, name: &'static str) -> SpecialBlock {
    let [a, b, c, d, e, f, g, h] = w;
    let [a0, a1] = a.to_be_bytes();
    let [b0, b1] = b.to_be_bytes();
    let [c0, c1] = c.to_be_bytes();
    let [d0, d1] = d.to_be_bytes();
    let [e0, e1] = e.to_be_bytes();
    let [f0, f1] = f.to_be_bytes();
    let [g0, g1] = g.to_be_bytes();
    let [h0, h1] = h.to_be_bytes();
    SpecialBlock { network: [a0, a1, b0, b1, c0, c1, d0, d1, e0, e1, f0, f1, g0, g1, h0, h1], prefix_len, name }
}

/// The IPv4 Special-Purpose Address Registry.
pub static IPV4_SPECIAL: &[SpecialBlock] = &[
    v4(0, 0, 0, 0, 8, "0.0.0.0/8 (this network)"),
    v4(10, 0, 0, 0, 8, "10.0.0.0/8 (private use)"),
    v4(100, 64, 0, 0, 10, "100.64.0.0/10 (shared address space)"),
    v4(127, 0, 0, 0, 8, "127.0.0.0/8 (loopback)"),
    v4(169, 254, 0, 0, 16, "169.254.0.0/16 (link local)"),
    v4(172, 16, 0, 0, 12, "172.16.0.0/12 (private use)"),
    v4(192, 0, 0, 0, 29, "192.0.0.0/29 (IPv4 service continuity prefix)"),
    v4(192, 0, 0, 8, 32, "192.0.0.8/32 (IPv4 dummy address)"),
    v4(192, 0, 0, 9, 32, "192.0.0.9/32 (port control protocol anycast)"),
    v4(192, 0, 0, 10, 32, "192.0.0.10/32 (traversal using relays around NAT anycast)"),
    v4(192, 0, 0, 170, 32, "192.0.0.170/32 (NAT64/DNS64 discovery)"),
    v4(192, 0, 0, 171, 32, "192.0.0.171/32 (NAT64/DNS64 discovery)"),
    v4(192, 0, 0, 0, 24, "192.0.0.0/24 (IETF protocol assignments)"),
    v4(192, 0, 2, 0, 24, "192.0.2.0/24 (documentation, TEST-NET-1)"),
    v4(192, 31, 196, 0, 24, "192.31.196.0/24 (AS112-v4)"),
    v4(192, 52, 193, 0, 24, "192.52.193.0/24 (AMT)"),
    v4(192, 88, 99, 0, 24, "192.88.99.0/24 (deprecated 6to4 relay anycast)"),
    v4(192, 168, 0, 0, 16, "192.168.0.0/16 (private use)"),
    v4(192, 175, 48, 0, 24, "192.175.48.0/24 (direct delegation AS112 service)"),
    v4(198, 18, 0, 0, 15, "198.18.0.0/15 (benchmarking)"),
    v4(198, 51, 100, 0, 24, "198.51.100.0/24 (documentation, TEST-NET-2)"),
    v4(203, 0, 113, 0, 24, "203.0.113.0/24 (documentation, TEST-NET-3)"),
    v4(255, 255, 255, 255, 32, "255.255.255.255/32 (limited broadcast)"),
    v4(240, 0, 0, 0, 4, "240.0.0.0/4 (reserved)"),
];

/// The IPv6 Special-Purpose Address Registry.
pub static IPV6_SPECIAL: &[SpecialBlock] = &[
    v6([0, 0, 0, 0, 0, 0, 0, 1], 128, "::1/128 (loopback)"),
    v6([0, 0, 0, 0, 0, 0, 0, 0], 128, "::/128 (unspecified)"),
    v6([0, 0, 0, 0, 0, 0xffff, 0, 0], 96, "::ffff:0:0/96 (IPv4-mapped)"),
    v6([0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96, "64:ff9b::/96 (IPv4-IPv6 translation)"),
    v6([0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48, "64:ff9b:1::/48 (IPv4-IPv6 translation)"),
    v6([0x100, 0, 0, 0, 0, 0, 0, 0], 64, "100::/64 (discard-only)"),
    v6([0x100, 0, 0, 1, 0, 0, 0, 0], 64, "100:0:0:1::/64 (dummy IPv6 prefix)"),
    v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 32, "2001::/32 (TEREDO)"),
    v6([0x2001, 1, 0, 0, 0, 0, 0, 1], 128, "2001:1::1/128 (port control protocol anycast)"),
    v6([0x2001, 1, 0, 0, 0, 0, 0, 2], 128, "2001:1::2/128 (TURN anycast)"),
    v6([0x2001, 1, 0, 0, 0, 0, 0, 3], 128, "2001:1::3/128 (DNS-SD service registration protocol anycast)"),
    v6([0x2001, 2, 0, 0, 0, 0, 0, 0], 48, "2001:2::/48 (benchmarking)"),
    v6([0x2001, 3, 0, 0, 0, 0, 0, 0], 32, "2001:3::/32 (AMT)"),
    v6([0x2001, 4, 0x112, 0, 0, 0, 0, 0], 48, "2001:4:112::/48 (AS112-v6)"),
    v6([0x2001, 0x10, 0, 0, 0, 0, 0, 0], 28, "2001:10::/28 (deprecated ORCHID)"),
    v6([0x2001, 0x20, 0, 0, 0, 0, 0, 0], 28, "2001:20::/28 (ORCHIDv2)"),
    v6([0x2001, 0x30, 0, 0, 0, 0, 0, 0], 28, "2001:30::/28 (drone remote ID protocol entity tags)"),
    v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 23, "2001::/23 (IETF protocol assignments)"),
    v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32, "2001:db8::/32 (documentation)"),
    v6([0x2002, 0, 0, 0, 0, 0, 0, 0], 16, "2002::/16 (6to4)"),
    v6([0x2620, 0x4f, 0x8000, 0, 0, 0, 0, 0], 48, "2620:4f:8000::/48 (direct delegation AS112 service)"),
    v6([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20, "3fff::/20 (documentation)"),
    v6([0x5f00, 0, 0, 0, 0, 0, 0, 0], 16, "5f00::/16 (segment routing SIDs)"),
    v6([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7, "fc00::/7 (unique local)"),
    v6([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10, "fe80::/10 (link-local unicast)"),
];

/// Whether the first `bits` bits of `a` and `b` agree.
fn prefix_matches(a: &[u8], b: &[u8], bits: u32) -> bool {
    let full = (bits / 8) as usize;
    let rest = bits % 8;
    if a.get(..full) != b.get(..full) {
        return false;
    }
    if rest == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    match (a.get(full), b.get(full)) {
        (Some(x), Some(y)) => x & mask == y & mask,
        _ => false,
    }
}

/// The registry entry whose block contains the network `addr`/`prefix_len` entirely
/// (`addr` is 4 octets for IPv4 or 16 for IPv6; bits beyond `prefix_len` are ignored).
/// With `prefix_len` equal to the address length this is the entry containing the address.
pub fn reserved_prefix(addr: &[u8], prefix_len: u32) -> Option<&'static SpecialBlock> {
    let table = match addr.len() {
        4 => IPV4_SPECIAL,
        16 => IPV6_SPECIAL,
        _ => return None,
    };
    table.iter().find(|b| {
        let bits = u32::from(b.prefix_len);
        prefix_len >= bits && prefix_matches(addr, &b.network, bits)
    })
}

/// The registry entry containing the address (4 octets IPv4, 16 octets IPv6), if the
/// address is a Reserved IP Address; `None` for other lengths.
pub fn reserved_block(addr: &[u8]) -> Option<&'static SpecialBlock> {
    let bits = u32::try_from(addr.len()).unwrap_or(0).saturating_mul(8);
    reserved_prefix(addr, bits)
}

/// The first registry entry that shares addresses with the network `addr`/`prefix_len`
/// (the two agree on the shorter of the two prefixes): for a name constraint, a block its
/// range permits part of. `None` for address lengths other than 4 and 16.
pub fn overlapping(addr: &[u8], prefix_len: u32) -> Option<&'static SpecialBlock> {
    let table = match addr.len() {
        4 => IPV4_SPECIAL,
        16 => IPV6_SPECIAL,
        _ => return None,
    };
    table.iter().find(|b| prefix_matches(addr, &b.network, prefix_len.min(u32::from(b.prefix_len))))
}

impl SpecialBlock {
    /// The block in CIDR notation (`192.168.0.0/16`), without the registry's name.
    pub fn cidr(&self) -> &'static str {
        self.name.split(' ').next().unwrap_or(self.name)
    }
}

/// Whether the address is a Reserved IP Address (TLS BR §1.6.1).
pub fn is_reserved(addr: &[u8]) -> bool {
    reserved_block(addr).is_some()
}

/// Parses a dotted-quad IPv4 address (four decimal octets 0-255, no leading `+`).
pub fn parse_ipv4(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split(|b| *b == b'.');
    for slot in out.iter_mut() {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 3 || !p.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let v = p.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
        *slot = u8::try_from(v).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// Parses an IPv6 address in RFC 4291 §2.2 text form (hex groups, one `::`, an optional
/// dotted-quad tail). No zone identifier.
pub fn parse_ipv6(s: &[u8]) -> Option<[u8; 16]> {
    fn groups(part: &[u8], out: &mut [u16; 8], start: usize, allow_v4: bool) -> Option<usize> {
        if part.is_empty() {
            return Some(0);
        }
        let pieces: usize = part.split(|b| *b == b':').count();
        let mut n = 0usize;
        for (i, g) in part.split(|b| *b == b':').enumerate() {
            if allow_v4 && i + 1 == pieces && g.contains(&b'.') {
                let [a, b, c, d] = parse_ipv4(g)?;
                *out.get_mut(start + n)? = u16::from_be_bytes([a, b]);
                *out.get_mut(start + n + 1)? = u16::from_be_bytes([c, d]);
                n += 2;
                continue;
            }
            if g.is_empty() || g.len() > 4 || !g.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let v = g.iter().fold(0u16, |a, d| (a << 4) | u16::from((*d as char).to_digit(16).unwrap_or(0) as u8));
            *out.get_mut(start + n)? = v;
            n += 1;
        }
        Some(n)
    }
    let mut words = [0u16; 8];
    let text_pos = s.windows(2).position(|w| w == b"::");
    match text_pos {
        None => {
            if groups(s, &mut words, 0, true)? != 8 {
                return None;
            }
        }
        Some(p) => {
            let head = s.get(..p)?;
            let tail = s.get(p + 2..)?;
            if tail.windows(2).any(|w| w == b"::") {
                return None;
            }
            let mut tail_words = [0u16; 8];
            let h = groups(head, &mut words, 0, false)?;
            let t = groups(tail, &mut tail_words, 0, true)?;
            if h + t > 7 {
                return None;
            }
            for i in 0..t {
                *words.get_mut(8 - t + i)? = *tail_words.get(i)?;
            }
        }
    }
    let mut out = [0u8; 16];
    for (chunk, w) in out.chunks_mut(2).zip(words) {
        chunk.copy_from_slice(&w.to_be_bytes());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_blocks() {
        assert_eq!(reserved_block(&[10, 1, 2, 3]).map(|b| b.name), Some("10.0.0.0/8 (private use)"));
        assert_eq!(reserved_block(&[192, 0, 0, 9]).map(|b| b.prefix_len), Some(32));
        assert_eq!(reserved_block(&[192, 0, 0, 77]).map(|b| b.prefix_len), Some(24));
        assert!(is_reserved(&[100, 127, 255, 255]));
        assert!(!is_reserved(&[100, 128, 0, 0]));
        assert!(is_reserved(&[172, 31, 0, 1]));
        assert!(!is_reserved(&[172, 32, 0, 1]));
        assert!(!is_reserved(&[8, 8, 8, 8]));
        assert!(!is_reserved(&[224, 0, 0, 1]));
        assert!(is_reserved(&[255, 255, 255, 255]));
        assert!(is_reserved(&[250, 0, 0, 1]));
    }

    #[test]
    fn v6_blocks() {
        let mut a = [0u8; 16];
        a[15] = 1;
        assert!(is_reserved(&a));
        let doc = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5];
        assert_eq!(reserved_block(&doc).map(|b| b.prefix_len), Some(32));
        let google = [0x20, 0x01, 0x48, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x88];
        assert!(!is_reserved(&google));
        let ula = [0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        assert!(is_reserved(&ula));
        assert!(!is_reserved(&[1, 2, 3]));
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_ipv4(b"10.0.0.255"), Some([10, 0, 0, 255]));
        assert_eq!(parse_ipv4(b"10.0.0.256"), None);
        assert_eq!(parse_ipv4(b"10.0.0"), None);
        assert_eq!(parse_ipv4(b"10.0.0.1.2"), None);
        let mut lo = [0u8; 16];
        lo[15] = 1;
        assert_eq!(parse_ipv6(b"::1"), Some(lo));
        assert_eq!(parse_ipv6(b"0:0:0:0:0:0:0:1"), Some(lo));
        let v = parse_ipv6(b"2001:db8::8:800:200c:417a").unwrap();
        assert_eq!(v[..4], [0x20, 0x01, 0x0d, 0xb8]);
        assert_eq!(v[8..], [0, 8, 8, 0, 0x20, 0x0c, 0x41, 0x7a]);
        assert_eq!(parse_ipv6(b"::ffff:10.0.0.1").map(|a| a[12..].to_vec()), Some(alloc::vec![10, 0, 0, 1]));
        assert_eq!(parse_ipv6(b"1::2::3"), None);
        assert_eq!(parse_ipv6(b"1:2:3"), None);
        assert_eq!(parse_ipv6(b"fe80::g"), None);
    }

    #[test]
    fn prefixes() {
        assert!(reserved_prefix(&[192, 168, 0, 0], 16).is_some());
        assert!(reserved_prefix(&[192, 0, 0, 0], 8).is_none());
        assert!(reserved_prefix(&[10, 0, 0, 0], 8).is_some());
    }

    #[test]
    fn overlapping_ranges() {
        let cidr = |a: &[u8], n| overlapping(a, n).map(SpecialBlock::cidr);
        assert_eq!(cidr(&[192, 168, 1, 0], 24), Some("192.168.0.0/16"));
        assert_eq!(cidr(&[192, 0, 0, 0], 8), Some("192.0.0.0/29"));
        assert_eq!(cidr(&[8, 8, 8, 0], 24), None);
        assert_eq!(cidr(&[0, 0, 0, 0], 0), Some("0.0.0.0/8"));
        let mut v6 = [0u8; 16];
        v6[..4].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
        assert_eq!(cidr(&v6, 32), Some("2001:db8::/32"));
        v6[..4].copy_from_slice(&[0x2a, 0x00, 0x14, 0x50]);
        assert_eq!(cidr(&v6, 32), None);
        assert_eq!(cidr(&[1, 2, 3], 24), None);
    }
}
