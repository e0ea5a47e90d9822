//! IDNA2008 A-label checks (RFC 5890, RFC 5891) and Punycode (RFC 3492).
//!
//! Everything here works on small fixed-size stack buffers and never
//! allocates. Only the IDNA2008 rules that can be checked without the
//! Unicode derived-property tables of RFC 5892 are implemented (see
//! [`check_a_label`] for the exact list); in particular NFC, the contextual
//! rules (CONTEXTJ/CONTEXTO) and the Bidi rule are **not** checked.

use core::fmt;

/// Maximum length of a DNS label in octets (RFC 1035 §2.3.4).
pub const MAX_LABEL_LEN: usize = 63;

/// Maximum number of code points a U-label can have: every code point of the
/// decoded label costs at least one octet of the (≤ 63 octet) A-label.
pub const MAX_U_LABEL_CHARS: usize = MAX_LABEL_LEN;

const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;

/// A Punycode (RFC 3492) decoding or encoding failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PunycodeError {
    /// A non-ASCII byte in the input (Punycode strings are ASCII).
    NonAscii {
        /// Byte offset in the Punycode string.
        offset: usize,
    },
    /// A character that is not a base-36 digit (`a`-`z`, `A`-`Z`, `0`-`9`)
    /// in the extended part.
    InvalidDigit {
        /// Byte offset in the Punycode string.
        offset: usize,
    },
    /// The input ends in the middle of a variable-length integer.
    UnexpectedEnd,
    /// Arithmetic overflow while decoding or encoding.
    Overflow,
    /// The decoded value is not a Unicode scalar value (surrogate or above
    /// U+10FFFF).
    InvalidCodePoint {
        /// The offending value.
        value: u32,
    },
    /// The output buffer is too small.
    OutputTooLong,
}

impl fmt::Display for PunycodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NonAscii { offset } => {
                write!(f, "non-ASCII byte at offset {offset} in Punycode")
            }
            Self::InvalidDigit { offset } => {
                write!(f, "invalid Punycode digit at offset {offset}")
            }
            Self::UnexpectedEnd => f.write_str("truncated Punycode (ends inside a delta)"),
            Self::Overflow => f.write_str("Punycode arithmetic overflow"),
            Self::InvalidCodePoint { value } => {
                write!(f, "Punycode decodes to invalid code point {value:#x}")
            }
            Self::OutputTooLong => f.write_str("Punycode output too long for a DNS label"),
        }
    }
}

fn adapt(delta: u32, num_points: u32, first_time: bool) -> u32 {
    let mut delta = if first_time { delta / DAMP } else { delta / 2 };
    delta += delta / num_points.max(1);
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (((BASE - TMIN + 1) * delta) / (delta + SKEW))
}

fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        TMIN
    } else if k >= bias.saturating_add(TMAX) {
        TMAX
    } else {
        k - bias
    }
}

fn digit_value(b: u8) -> Option<u32> {
    match b {
        b'a'..=b'z' => Some(u32::from(b - b'a')),
        b'A'..=b'Z' => Some(u32::from(b - b'A')),
        b'0'..=b'9' => Some(u32::from(b - b'0') + 26),
        _ => None,
    }
}

fn digit_char(d: u32) -> u8 {
    match u8::try_from(d) {
        Ok(d @ 0..=25) => b'a' + d,
        Ok(d @ 26..=35) => b'0' + (d - 26),
        _ => b'?',
    }
}

/// Decodes a Punycode string (without the `xn--` prefix) into `out`.
///
/// Returns the decoded code points. Basic code points are returned as they
/// appear (case preserved). Fails with [`PunycodeError::OutputTooLong`] when
/// `out` is too small.
pub fn punycode_decode<'b>(input: &[u8], out: &'b mut [char]) -> Result<&'b [char], PunycodeError> {
    if let Some(offset) = input.iter().position(|b| !b.is_ascii()) {
        return Err(PunycodeError::NonAscii { offset });
    }
    let (basic, extended, ext_offset) = match input.iter().rposition(|&b| b == b'-') {
        Some(d) => (input.get(..d).unwrap_or_default(), input.get(d + 1..).unwrap_or_default(), d + 1),
        None => (&[][..], input, 0),
    };
    let mut len = 0usize;
    for &b in basic {
        let slot = out.get_mut(len).ok_or(PunycodeError::OutputTooLong)?;
        *slot = char::from(b);
        len += 1;
    }
    let mut n = INITIAL_N;
    let mut i: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let mut pos = 0usize;
    while pos < extended.len() {
        let old_i = i;
        let mut w: u32 = 1;
        let mut k = BASE;
        loop {
            let b = *extended.get(pos).ok_or(PunycodeError::UnexpectedEnd)?;
            let digit = digit_value(b).ok_or(PunycodeError::InvalidDigit { offset: ext_offset + pos })?;
            pos += 1;
            i = digit.checked_mul(w).and_then(|dw| i.checked_add(dw)).ok_or(PunycodeError::Overflow)?;
            let t = threshold(k, bias);
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t).ok_or(PunycodeError::Overflow)?;
            k = k.checked_add(BASE).ok_or(PunycodeError::Overflow)?;
        }
        let count = u32::try_from(len + 1).map_err(|_| PunycodeError::OutputTooLong)?;
        bias = adapt(i - old_i, count, old_i == 0);
        n = n.checked_add(i / count).ok_or(PunycodeError::Overflow)?;
        i %= count;
        // `n` starts at 0x80 and only grows (checked), so it can never be a
        // basic code point here (RFC 3492 §6.2's "if n is basic then fail").
        let c = char::from_u32(n).ok_or(PunycodeError::InvalidCodePoint { value: n })?;
        let at = usize::try_from(i).map_err(|_| PunycodeError::Overflow)?;
        // Insert `c` at `at`, shifting out[at..len] right by one.
        let window = out.get_mut(at..=len).ok_or(PunycodeError::OutputTooLong)?;
        window.rotate_right(1);
        if let Some(first) = window.first_mut() {
            *first = c;
        }
        len += 1;
        i += 1;
    }
    out.get(..len).ok_or(PunycodeError::OutputTooLong)
}

/// Encodes code points as Punycode (without the `xn--` prefix) into `out`.
///
/// Basic code points are copied as they are (no case mapping). Fails with
/// [`PunycodeError::OutputTooLong`] when `out` is too small.
pub fn punycode_encode<'b>(input: &[char], out: &'b mut [u8]) -> Result<&'b str, PunycodeError> {
    let mut len = 0usize;
    let mut push = |out: &mut [u8], b: u8| -> Result<(), PunycodeError> {
        let slot = out.get_mut(len).ok_or(PunycodeError::OutputTooLong)?;
        *slot = b;
        len += 1;
        Ok(())
    };
    let mut basic_count: u32 = 0;
    for &c in input {
        if let Some(b) = u8::try_from(c).ok().filter(u8::is_ascii) {
            push(out, b)?;
            basic_count += 1;
        }
    }
    let total = u32::try_from(input.len()).map_err(|_| PunycodeError::Overflow)?;
    if basic_count > 0 {
        push(out, b'-')?;
    }
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let mut h = basic_count;
    while h < total {
        let m = input.iter().map(|&c| u32::from(c)).filter(|&c| c >= n).min().ok_or(PunycodeError::Overflow)?;
        delta = (m - n).checked_mul(h + 1).and_then(|d| delta.checked_add(d)).ok_or(PunycodeError::Overflow)?;
        n = m;
        for &c in input {
            let c = u32::from(c);
            if c < n {
                delta = delta.checked_add(1).ok_or(PunycodeError::Overflow)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    push(out, digit_char(t + (q - t) % (BASE - t)))?;
                    q = (q - t) / (BASE - t);
                    k = k.checked_add(BASE).ok_or(PunycodeError::Overflow)?;
                }
                push(out, digit_char(q))?;
                bias = adapt(delta, h + 1, h == basic_count);
                delta = 0;
                h += 1;
            }
        }
        delta = delta.checked_add(1).ok_or(PunycodeError::Overflow)?;
        n = n.checked_add(1).ok_or(PunycodeError::Overflow)?;
    }
    let written = out.get(..len).ok_or(PunycodeError::OutputTooLong)?;
    core::str::from_utf8(written).map_err(|_| PunycodeError::OutputTooLong)
}

/// An IDNA2008 label defect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdnaError {
    /// The label does not start with the ACE prefix `xn--`.
    NotALabel,
    /// The label is longer than 63 octets.
    TooLong {
        /// Length in octets.
        len: usize,
    },
    /// Nothing follows the `xn--` prefix.
    EmptyPunycode,
    /// The part after `xn--` is not valid Punycode.
    Punycode(PunycodeError),
    /// The decoded U-label is empty.
    EmptyULabel,
    /// The decoded U-label is all ASCII (so it is not a U-label at all;
    /// a "fake A-label").
    AllAscii,
    /// The U-label has hyphens in both its 3rd and 4th positions
    /// (RFC 5891 §4.2.3.1).
    HyphenPositions34,
    /// The U-label starts with a hyphen (RFC 5891 §4.2.3.1).
    LeadingHyphen,
    /// The U-label ends with a hyphen (RFC 5891 §4.2.3.1).
    TrailingHyphen,
    /// The U-label contains an ASCII character other than a lowercase
    /// letter, digit or hyphen (all other ASCII is DISALLOWED, RFC 5892).
    DisallowedAscii {
        /// Zero-based code point position in the U-label.
        position: usize,
        /// The character.
        ch: char,
    },
    /// The U-label contains a non-ASCII uppercase, control or white-space
    /// character (all DISALLOWED by RFC 5892).
    DisallowedChar {
        /// Zero-based code point position in the U-label.
        position: usize,
        /// The character.
        ch: char,
    },
    /// Re-encoding the U-label does not give back the A-label
    /// (non-canonical Punycode; RFC 5891 §5.4).
    RoundTrip,
    /// The label has `--` in positions 3-4 but is not an `xn--` label: a
    /// reserved LDH label, forbidden by RFC 5891 §4.2.3.1.
    ReservedLdh,
}

impl From<PunycodeError> for IdnaError {
    fn from(e: PunycodeError) -> Self {
        Self::Punycode(e)
    }
}

impl fmt::Display for IdnaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotALabel => f.write_str("label does not start with \"xn--\""),
            Self::TooLong { len } => write!(f, "label is {len} octets long (max 63)"),
            Self::EmptyPunycode => f.write_str("A-label has nothing after \"xn--\""),
            Self::Punycode(e) => write!(f, "A-label is not valid Punycode: {e}"),
            Self::EmptyULabel => f.write_str("A-label decodes to an empty U-label"),
            Self::AllAscii => f.write_str("A-label decodes to an all-ASCII string (fake A-label)"),
            Self::HyphenPositions34 => f.write_str("U-label has hyphens in the 3rd and 4th positions"),
            Self::LeadingHyphen => f.write_str("U-label starts with a hyphen"),
            Self::TrailingHyphen => f.write_str("U-label ends with a hyphen"),
            Self::DisallowedAscii { position, ch } => {
                write!(f, "U-label contains disallowed ASCII character {ch:?} at position {position}")
            }
            Self::DisallowedChar { position, ch } => {
                write!(f, "U-label contains disallowed character U+{:04X} at position {position}", u32::from(*ch))
            }
            Self::RoundTrip => f.write_str("A-label does not round-trip (non-canonical Punycode)"),
            Self::ReservedLdh => {
                f.write_str("label has \"--\" in positions 3-4 but is not an A-label (reserved LDH label)")
            }
        }
    }
}

/// True when `label` starts with the ACE prefix `xn--` (ASCII
/// case-insensitive).
pub fn has_ace_prefix(label: &str) -> bool {
    label.as_bytes().get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
}

/// True when `label` has `--` in its 3rd and 4th positions but does not start
/// with `xn--`: a reserved LDH (R-LDH) label that is not an A-label candidate,
/// which RFC 5891 §4.2.3.1 forbids.
pub fn is_reserved_ldh(label: &str) -> bool {
    label.as_bytes().get(2..4) == Some(b"--") && !has_ace_prefix(label)
}

/// Decodes the A-label `label` (which must start with `xn--`, any case) into
/// `out`, ASCII-lowercasing the basic code points.
///
/// Only performs Punycode decoding; use [`check_a_label`] for validation.
pub fn decode_a_label<'b>(label: &str, out: &'b mut [char; MAX_U_LABEL_CHARS]) -> Result<&'b [char], IdnaError> {
    if !has_ace_prefix(label) {
        return Err(IdnaError::NotALabel);
    }
    if label.len() > MAX_LABEL_LEN {
        return Err(IdnaError::TooLong { len: label.len() });
    }
    let puny = label.as_bytes().get(4..).unwrap_or_default();
    if puny.is_empty() {
        return Err(IdnaError::EmptyPunycode);
    }
    let len = punycode_decode(puny, out.as_mut_slice())?.len();
    let decoded = out.get_mut(..len).unwrap_or_default();
    for c in decoded.iter_mut() {
        *c = c.to_ascii_lowercase();
    }
    Ok(decoded)
}

/// Checks an A-label (a label starting with `xn--`, ASCII case-insensitive).
///
/// Checks, in this order: the `xn--` prefix, length ≤ 63 octets, a non-empty
/// Punycode part that decodes (RFC 3492) to a non-empty U-label that is not
/// all ASCII; the U-label has no hyphens in positions 3-4 and no
/// leading/trailing hyphen; its ASCII characters are lowercase LDH (after
/// ASCII-lowercasing the A-label, since DNS is case-insensitive); it has no
/// non-ASCII uppercase, control or white-space characters; and re-encoding it
/// gives back the A-label (compared ASCII case-insensitively).
///
/// Not checked (need Unicode tables): RFC 5892 PVALID/CONTEXT properties,
/// NFC, leading combining marks, the Bidi rule (RFC 5893).
pub fn check_a_label(label: &str) -> Result<(), IdnaError> {
    let mut buf = ['\0'; MAX_U_LABEL_CHARS];
    let u = decode_a_label(label, &mut buf)?;
    if u.is_empty() {
        return Err(IdnaError::EmptyULabel);
    }
    if u.iter().all(char::is_ascii) {
        return Err(IdnaError::AllAscii);
    }
    if u.get(2) == Some(&'-') && u.get(3) == Some(&'-') {
        return Err(IdnaError::HyphenPositions34);
    }
    if u.first() == Some(&'-') {
        return Err(IdnaError::LeadingHyphen);
    }
    if u.last() == Some(&'-') {
        return Err(IdnaError::TrailingHyphen);
    }
    for (position, &ch) in u.iter().enumerate() {
        if ch.is_ascii() {
            if !(ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-') {
                return Err(IdnaError::DisallowedAscii { position, ch });
            }
        } else if ch.is_uppercase() || ch.is_control() || ch.is_whitespace() {
            return Err(IdnaError::DisallowedChar { position, ch });
        }
    }
    let mut enc = [0u8; MAX_LABEL_LEN];
    let encoded = punycode_encode(u, &mut enc).map_err(|_| IdnaError::RoundTrip)?;
    let original = label.as_bytes().get(4..).unwrap_or_default();
    if !encoded.as_bytes().eq_ignore_ascii_case(original) {
        return Err(IdnaError::RoundTrip);
    }
    Ok(())
}

/// Checks one LDH label for IDNA2008 conformance: `xn--` labels must pass
/// [`check_a_label`], other labels must not be reserved LDH labels
/// ([`is_reserved_ldh`]). Any other label passes.
pub fn check_label(label: &str) -> Result<(), IdnaError> {
    if has_ace_prefix(label) {
        check_a_label(label)
    } else if is_reserved_ldh(label) {
        Err(IdnaError::ReservedLdh)
    } else {
        Ok(())
    }
}

/// An IDNA2008 defect in one label of a domain name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameIdnaError {
    /// Zero-based index of the label (leftmost label is 0).
    pub label: usize,
    /// The defect.
    pub error: IdnaError,
}

impl fmt::Display for NameIdnaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "label {}: {}", self.label, self.error)
    }
}

/// Runs [`check_label`] on every dot-separated label of `name` and returns
/// the first defect. Empty labels (and a wildcard `*` label) are skipped:
/// syntax is [`check_dns_name`](super::check_dns_name)'s job.
pub fn check_name_labels(name: &str) -> Result<(), NameIdnaError> {
    for (index, label) in name.split('.').enumerate() {
        check_label(label).map_err(|error| NameIdnaError { label: index, error })?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use alloc::string::{String, ToString};
    use alloc::vec::Vec;

    fn decode_str(p: &str) -> Result<String, PunycodeError> {
        let mut buf = ['\0'; 256];
        punycode_decode(p.as_bytes(), &mut buf).map(|s| s.iter().collect())
    }

    fn encode_str(s: &str) -> Result<String, PunycodeError> {
        let chars: Vec<char> = s.chars().collect();
        let mut buf = [0u8; 256];
        punycode_encode(&chars, &mut buf).map(|s| s.to_string())
    }

    // (Unicode, Punycode) pairs; the first ones are RFC 3492 §7.1 samples.
    const VECTORS: &[(&str, &str)] = &[
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("他們爲什麽不說中文", "ihqwctvzc91f659drss3x8bo0yb"),
        ("Pročprostěnemluvíčesky", "Proprostnemluvesky-uyb24dma41a"),
        ("почемужеонинеговорятпорусски", "b1abfaaepdrnnbgefbadotcwatmq2g4l"),
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        ("安室奈美恵-with-SUPER-MONKEYS", "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n"),
        ("bücher", "bcher-kva"),
        ("münchen", "mnchen-3ya"),
        ("食狮", "85x722f"),
        ("中国", "fiqs8s"),
        ("公司", "55qx5d"),
        ("ü", "tda"),
    ];

    #[test]
    fn punycode_vectors_round_trip() {
        for &(u, p) in VECTORS {
            assert_eq!(decode_str(p).as_deref(), Ok(u), "decode {p}");
            assert_eq!(encode_str(u).as_deref(), Ok(p), "encode {u}");
        }
    }

    #[test]
    fn punycode_errors() {
        assert_eq!(decode_str("b\u{e9}-kva"), Err(PunycodeError::NonAscii { offset: 1 }));
        assert_eq!(decode_str("bcher-k_a"), Err(PunycodeError::InvalidDigit { offset: 7 }));
        // 'z' = 25 >= t, so another digit is required.
        assert_eq!(decode_str("z"), Err(PunycodeError::UnexpectedEnd));
        assert_eq!(decode_str("99999999999"), Err(PunycodeError::Overflow));
        let mut small = ['\0'; 2];
        assert_eq!(punycode_decode(b"bcher-kva", &mut small), Err(PunycodeError::OutputTooLong));
        let mut small = [0u8; 3];
        assert_eq!(punycode_encode(&['b', 'ü'], &mut small), Err(PunycodeError::OutputTooLong));
        assert_eq!(decode_str(""), Ok(String::new()));
        assert_eq!(decode_str("abc-"), Ok("abc".to_string()));
    }

    /// Punycode for a lone code point `cp` (≥ 0x80): one delta, `cp - 0x80`,
    /// as a generalized variable-length integer with the initial bias.
    /// Works for any `cp`, including values that are not scalar values.
    fn encode_single(cp: u32) -> Vec<u8> {
        let mut q = cp - INITIAL_N;
        let mut out = Vec::new();
        let mut k = BASE;
        loop {
            let t = threshold(k, INITIAL_BIAS);
            if q < t {
                break;
            }
            out.push(digit_char(t + (q - t) % (BASE - t)));
            q = (q - t) / (BASE - t);
            k += BASE;
        }
        out.push(digit_char(q));
        out
    }

    #[test]
    fn invalid_code_points_rejected() {
        assert_eq!(encode_single(0xfc), b"tda");
        let mut out = ['\0'; 4];
        for cp in [0xd800, 0xdfff, 0x11_0000] {
            assert_eq!(
                punycode_decode(&encode_single(cp), &mut out),
                Err(PunycodeError::InvalidCodePoint { value: cp })
            );
        }
        for cp in [0xd7ff, 0xe000, 0x10_ffff] {
            let d = punycode_decode(&encode_single(cp), &mut out).unwrap();
            assert_eq!(d, [char::from_u32(cp).unwrap()]);
        }
    }

    #[test]
    fn a_labels_ok() {
        for l in [
            "xn--bcher-kva",
            "xn--mnchen-3ya",
            "XN--BCHER-KVA",
            "Xn--Mnchen-3ya",
            "xn--85x722f",
            "xn--fiqs8s",
            "xn--55qx5d",
        ] {
            assert_eq!(check_a_label(l), Ok(()), "{l}");
            assert_eq!(check_label(l), Ok(()), "{l}");
        }
        let mut buf = ['\0'; MAX_U_LABEL_CHARS];
        let u: String = decode_a_label("XN--BCHER-KVA", &mut buf).unwrap().iter().collect();
        assert_eq!(u, "bücher");
    }

    #[test]
    fn a_label_errors() {
        assert_eq!(check_a_label("bcher-kva"), Err(IdnaError::NotALabel));
        assert_eq!(check_a_label("xn-"), Err(IdnaError::NotALabel));
        assert_eq!(check_a_label("xn--"), Err(IdnaError::EmptyPunycode));
        assert_eq!(check_a_label("XN--"), Err(IdnaError::EmptyPunycode));
        let long = alloc::format!("xn--{}-kva", "b".repeat(60));
        assert_eq!(check_a_label(&long), Err(IdnaError::TooLong { len: long.len() }));
        assert_eq!(check_a_label("xn--bcher-k_a"), Err(IdnaError::Punycode(PunycodeError::InvalidDigit { offset: 7 })));
        // "xn--a" decodes to U+0080, a C1 control.
        assert_eq!(check_a_label("xn--a"), Err(IdnaError::DisallowedChar { position: 0, ch: '\u{80}' }));
        assert_eq!(check_a_label("xn---"), Err(IdnaError::EmptyULabel));
        assert_eq!(check_a_label("xn--abc-"), Err(IdnaError::AllAscii));
        // U-label "ab--ü": hyphens in positions 3-4.
        let a = alloc::format!("xn--{}", encode_str("ab--ü").unwrap());
        assert_eq!(check_a_label(&a), Err(IdnaError::HyphenPositions34));
        let a = alloc::format!("xn--{}", encode_str("-bücher").unwrap());
        assert_eq!(check_a_label(&a), Err(IdnaError::LeadingHyphen));
        let a = alloc::format!("xn--{}", encode_str("bücher-").unwrap());
        assert_eq!(check_a_label(&a), Err(IdnaError::TrailingHyphen));
        let a = alloc::format!("xn--{}", encode_str("b_ücher").unwrap());
        assert_eq!(check_a_label(&a), Err(IdnaError::DisallowedAscii { position: 1, ch: '_' }));
        let a = alloc::format!("xn--{}", encode_str("bÜcher").unwrap());
        assert_eq!(check_a_label(&a), Err(IdnaError::DisallowedChar { position: 1, ch: 'Ü' }));
        // Non-canonical: a delimiter with no basic code points.
        assert_eq!(check_a_label("xn---tda"), Err(IdnaError::RoundTrip));
        assert_eq!(check_label("ab--cd"), Err(IdnaError::ReservedLdh));
        assert_eq!(check_label("example"), Ok(()));
    }

    #[test]
    fn reserved_ldh() {
        assert!(is_reserved_ldh("ab--cd"));
        assert!(is_reserved_ldh("r---"));
        assert!(!is_reserved_ldh("xn--bcher-kva"));
        assert!(!is_reserved_ldh("XN--x"));
        assert!(!is_reserved_ldh("a--b"));
        assert!(!is_reserved_ldh("ab-"));
        assert!(has_ace_prefix("xN--"));
        assert!(!has_ace_prefix("xn-"));
    }

    #[test]
    fn name_labels() {
        assert_eq!(check_name_labels("www.xn--bcher-kva.de"), Ok(()));
        assert_eq!(
            check_name_labels("www.xn--a.de"),
            Err(NameIdnaError { label: 1, error: IdnaError::DisallowedChar { position: 0, ch: '\u{80}' } })
        );
        assert_eq!(check_name_labels("a.b.cd--x.com").unwrap_err().label, 2);
    }

    #[test]
    fn display_messages() {
        let all = [
            IdnaError::NotALabel,
            IdnaError::TooLong { len: 64 },
            IdnaError::EmptyPunycode,
            IdnaError::Punycode(PunycodeError::Overflow),
            IdnaError::EmptyULabel,
            IdnaError::AllAscii,
            IdnaError::HyphenPositions34,
            IdnaError::LeadingHyphen,
            IdnaError::TrailingHyphen,
            IdnaError::DisallowedAscii { position: 0, ch: '_' },
            IdnaError::DisallowedChar { position: 0, ch: '\u{80}' },
            IdnaError::RoundTrip,
            IdnaError::ReservedLdh,
        ];
        for e in all {
            let m = e.to_string();
            assert!(!m.is_empty() && !m.contains('\n'), "{m}");
        }
        let p = [
            PunycodeError::NonAscii { offset: 1 },
            PunycodeError::InvalidDigit { offset: 1 },
            PunycodeError::UnexpectedEnd,
            PunycodeError::Overflow,
            PunycodeError::InvalidCodePoint { value: 0xd800 },
            PunycodeError::OutputTooLong,
        ];
        for e in p {
            assert!(!e.to_string().is_empty());
        }
        assert_eq!(
            NameIdnaError { label: 2, error: IdnaError::ReservedLdh }.to_string(),
            "label 2: label has \"--\" in positions 3-4 but is not an A-label (reserved LDH label)"
        );
    }
}
