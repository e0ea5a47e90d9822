//! PEM scanning (RFC 7468), lenient about the text around blocks.

use alloc::{string::String, vec::Vec};

use crate::Error;

const LABELS: [&str; 3] = ["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"];

/// Yields the decoded content of every certificate block, in order. Blocks with other
/// labels are skipped; if none was a certificate the iterator yields one
/// [`Error::NoPem`] naming the first other label seen.
pub(crate) fn blocks(text: &str) -> impl Iterator<Item = Result<Vec<u8>, Error>> + '_ {
    let mut lines = text.lines().enumerate();
    let mut seen_cert = false;
    let mut other: Option<String> = None;
    let mut done = false;
    core::iter::from_fn(move || {
        if done {
            return None;
        }
        loop {
            let Some((n, line)) = lines.next() else {
                done = true;
                return (!seen_cert && other.is_some()).then(|| Err(Error::NoPem { found: other.take() }));
            };
            let Some(label) = line.trim().strip_prefix("-----BEGIN ").and_then(|l| l.strip_suffix("-----")) else {
                continue;
            };
            let is_cert = LABELS.contains(&label);
            if !is_cert && other.is_none() {
                other = Some(label.into());
            }
            let mut body = String::new();
            let mut closed = false;
            for (_, l) in lines.by_ref() {
                let l = l.trim();
                if let Some(end) = l.strip_prefix("-----END ").and_then(|l| l.strip_suffix("-----")) {
                    if end != label {
                        return Some(Err(Error::Pem { line: n + 1, reason: "END label does not match BEGIN" }));
                    }
                    closed = true;
                    break;
                }
                if l.contains(':') {
                    continue; // RFC 1421 headers (Proc-Type, ...): not part of the data
                }
                body.push_str(l);
            }
            if !is_cert {
                continue;
            }
            seen_cert = true;
            if !closed {
                return Some(Err(Error::Pem { line: n + 1, reason: "no END line" }));
            }
            return Some(base64_decode(&body).map_err(|reason| Error::Pem { line: n + 1, reason }));
        }
    })
}

fn base64_decode(s: &str) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut acc: u32 = 0;
    let mut n = 0u32;
    let mut padding = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            b' ' | b'\t' => continue,
            _ => return Err("invalid base64 character"),
        };
        if padding > 0 {
            return Err("base64 data after padding");
        }
        acc = (acc << 6) | u32::from(v);
        n += 1;
        if n == 4 {
            out.extend_from_slice(&acc.to_be_bytes()[1..]);
            acc = 0;
            n = 0;
        }
    }
    match (n, padding) {
        (0, 0) => {}
        (2, 0 | 2) => out.push((acc >> 4) as u8),
        (3, 0 | 1) => out.extend_from_slice(&((acc >> 2) as u16).to_be_bytes()),
        _ => return Err("truncated base64 data"),
    }
    if out.is_empty() {
        return Err("empty PEM block");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64() {
        assert_eq!(base64_decode("TWFu").unwrap(), b"Man");
        assert_eq!(base64_decode("TWE=").unwrap(), b"Ma");
        assert_eq!(base64_decode("TQ==").unwrap(), b"M");
        assert_eq!(base64_decode("TQ").unwrap(), b"M");
        assert!(base64_decode("T").is_err());
        assert!(base64_decode("TQ==TQ").is_err());
        assert!(base64_decode("T!==").is_err());
    }

    #[test]
    fn finds_blocks_and_reports_others() {
        let text = "junk\n-----BEGIN CERTIFICATE-----\nTWFu\n-----END CERTIFICATE-----\nmore\n-----BEGIN CERTIFICATE-----\nTQ==\n-----END CERTIFICATE-----\n";
        let got: Vec<_> = blocks(text).collect::<Result<_, _>>().unwrap();
        assert_eq!(got, [b"Man".to_vec(), b"M".to_vec()]);
        let crl = "-----BEGIN X509 CRL-----\nTWFu\n-----END X509 CRL-----\n";
        match blocks(crl).next() {
            Some(Err(Error::NoPem { found: Some(l) })) => assert_eq!(l, "X509 CRL"),
            other => panic!("{other:?}"),
        }
        assert!(blocks("nothing here").next().is_none());
        let unclosed = "-----BEGIN CERTIFICATE-----\nTWFu\n";
        assert!(matches!(blocks(unclosed).next(), Some(Err(Error::Pem { line: 1, .. }))));
    }
}
