//! The catalog's own invariants: ids, metadata, documentation, tests, aliases, and the
//! README's generated sections.
//!
//! Run with `CERTLINT_REGEN=1` to rewrite the README's rule table and coverage section
//! after adding rules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use certlint::{rules, RuleMeta, POLICIES};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn metas() -> Vec<&'static RuleMeta> {
    rules::all().map(|r| r.meta()).chain(rules::chain::all_meta()).collect()
}

fn rule_files() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src/rules"), &mut out);
    out
}

#[test]
fn ids_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for m in metas() {
        assert!(seen.insert(m.id()), "duplicate id {}", m.id());
        let (source, defect) = m.id().split_once('.').unwrap_or_else(|| panic!("{}: no source prefix", m.id()));
        let family_ok =
            source == m.source().as_str() || (m.source() == certlint::Source::Rfc5280 && source.starts_with("rfc"));
        assert!(family_ok, "{}: prefix does not match source {}", m.id(), m.source());
        assert!(
            !defect.is_empty() && defect.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{}: not snake_case",
            m.id()
        );
        for word in ["error", "warn", "warning", "notice", "fatal"] {
            let words: Vec<&str> = defect.split('_').collect();
            let names_severity = words.first() == Some(&word) || words.last() == Some(&word);
            assert!(!names_severity, "{}: an id names a defect, not a severity", m.id());
        }
        assert!(!m.description().is_empty(), "{}: no summary", m.id());
        assert!(!m.cited().is_empty(), "{}: no citation", m.id());
        if let (Some(a), Some(b)) = (m.effective_date(), m.ineffective_date()) {
            assert!(a < b, "{}: ineffective before effective", m.id());
        }
    }
}

#[test]
fn every_rule_is_in_a_built_in_policy() {
    let mut covered = BTreeSet::new();
    for name in POLICIES {
        let policy = certlint::Policy::by_name(name).unwrap();
        for m in policy.rules().chain(policy.pair_rules()).chain(policy.chain_rules()) {
            covered.insert(m.id());
        }
    }
    for m in metas() {
        assert!(covered.contains(m.id()), "{} is in no policy", m.id());
    }
}

/// The struct implementing the rule whose metadata names `id`, and its file.
fn locate(id: &str, files: &[(PathBuf, String)]) -> (PathBuf, String, String) {
    let quoted = format!("\"{id}\"");
    for (path, text) in files {
        // rustfmt may break the call after `new(`, so allow whitespace in between.
        let Some((pos, _)) =
            text.match_indices(&quoted).find(|(i, _)| text[..*i].trim_end().ends_with("RuleMeta::new("))
        else {
            continue;
        };
        let before = &text[..pos];
        // A rule made by a macro invocation: its docs, then `TypeName,`, then its metadata.
        let lines: Vec<&str> = before.lines().collect();
        let macro_ident = lines.windows(2).rev().take(12).find_map(|w| {
            let ident = w[1].trim().strip_suffix(',')?;
            let is_ident = !ident.is_empty() && ident.chars().all(|c| c.is_alphanumeric() || c == '_');
            (w[0].trim_start().starts_with("///") && is_ident).then(|| ident.to_string())
        });
        if let Some(name) = macro_ident {
            return (path.clone(), text.clone(), name);
        }
        let imp = before.rfind("impl ").unwrap_or_else(|| panic!("{id}: no impl before its metadata"));
        let line = &before[imp..];
        let name =
            line.split(" for ").nth(1).unwrap().split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap();
        return (path.clone(), text.clone(), name.to_string());
    }
    panic!("{id}: metadata not found under src/rules");
}

#[test]
fn every_rule_is_documented_and_tested() {
    let files = rule_files();
    for m in metas() {
        let (path, text, name) = locate(m.id(), &files);
        let decl = format!("pub struct {name};");
        let in_macro = format!("\n    {name},\n");
        let at = text
            .find(&decl)
            .or_else(|| text.find(&in_macro).map(|i| i + 1))
            .unwrap_or_else(|| panic!("{}: no `{decl}` in {}", m.id(), path.display()));
        let doc: Vec<&str> =
            text[..at].lines().rev().take_while(|l| l.trim_start().starts_with("///")).collect::<Vec<_>>();
        let doc: String = doc.into_iter().rev().collect::<Vec<_>>().join("\n");
        assert!(doc.contains(&format!("`{}`", m.id())), "{}: rustdoc does not start with the id", m.id());
        for heading in ["**What it checks**", "**Why it matters**", "**Example**"] {
            assert!(doc.contains(heading), "{}: rustdoc lacks {heading}", m.id());
        }
        let mut tests = text.find("#[cfg(test)]").map(|i| text[i..].to_string()).unwrap_or_default();
        // Tests kept in a child file `<topic>/tests.rs`.
        if let Ok(more) = std::fs::read_to_string(path.with_extension("").join("tests.rs")) {
            tests.push_str(&more);
        }
        let tests = tests.as_str();
        let used = tests.match_indices(&name).any(|(i, _)| {
            let after = tests[i + name.len()..].chars().next().unwrap_or(' ');
            let before = tests[..i].chars().last().unwrap_or(' ');
            !after.is_alphanumeric() && after != '_' && !before.is_alphanumeric() && before != '_'
        });
        assert!(used, "{}: {name} is not exercised by the tests in {}", m.id(), path.display());
    }
}

fn catalog(name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(root().join("tests/data/catalogs").join(name)).unwrap();
    text.lines().skip(1).map(|l| l.split('\t').map(String::from).collect()).collect()
}

#[test]
fn aliases_name_real_checks() {
    let zlint: BTreeSet<String> = catalog("zlint-lints.tsv").into_iter().map(|r| r[0].clone()).collect();
    let pkilint: BTreeSet<String> = ["pkilint-pkix.tsv", "pkilint-serverauth.tsv", "pkilint-smime.tsv"]
        .iter()
        .flat_map(|f| catalog(f))
        .map(|r| r[0].clone())
        .collect();
    for m in metas() {
        for a in m.alias_names() {
            match a.split_once(':') {
                Some(("zlint", n)) => assert!(zlint.contains(n), "{}: unknown zlint lint {n}", m.id()),
                Some(("pkilint", n)) => assert!(pkilint.contains(n), "{}: unknown pkilint code {n}", m.id()),
                _ => panic!("{}: alias {a} has no tool prefix", m.id()),
            }
        }
    }
}

/// zlint sources per catalog issue, and the pkilint files.
const ZLINT_SOURCES: [(&str, &[&str]); 2] = [
    ("RFC 5280 family", &["RFC5280", "RFC3279", "RFC5480", "RFC5891", "RFC6962", "RFC8813"]),
    (
        "CA/B Forum TLS, EV, root programs, community",
        &[
            "CABFBaselineRequirements",
            "CABFEVGuidelines",
            "MozillaRootStorePolicy",
            "AppleRootStorePolicy",
            "ChromeRootStorePolicy",
            "Community",
        ],
    ),
];
const PKILINT_FILES: [&str; 2] = ["pkilint-pkix.tsv", "pkilint-serverauth.tsv"];

fn omissions() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("tests/data/omissions.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (n, why) = l.split_once('\t').unwrap_or_else(|| panic!("omissions.tsv: no reason in {l:?}"));
            assert!(!why.trim().is_empty(), "omissions.tsv: empty reason for {n}");
            (n.to_string(), why.to_string())
        })
        .collect()
}

fn aliased() -> BTreeSet<String> {
    metas().iter().flat_map(|m| m.alias_names().iter().map(|a| a.to_string())).collect()
}

/// The coverage section of the README: per catalog, how many of the other tool's checks a
/// rule of ours answers to, and the ones deliberately left out.
fn coverage_section() -> String {
    let aliased = aliased();
    let omitted = omissions();
    let mut out = String::from(
        "| catalog | checks | covered by a rule | deliberately left out | open |\n|---|---:|---:|---:|---:|\n",
    );
    let mut left_out = Vec::new();
    let mut row = |label: String, names: Vec<String>, out: &mut String| {
        let covered = names.iter().filter(|n| aliased.contains(*n)).count();
        let skipped: Vec<&String> =
            names.iter().filter(|n| !aliased.contains(*n) && omitted.contains_key(*n)).collect();
        let open = names.len() - covered - skipped.len();
        let pct = if names.is_empty() { 100.0 } else { 100.0 * covered as f64 / names.len() as f64 };
        out.push_str(&format!("| {label} | {} | {covered} ({pct:.1}%) | {} | {open} |\n", names.len(), skipped.len()));
        left_out.extend(skipped.into_iter().map(|n| format!("- `{n}`: {}", omitted[n])));
    };
    let zlint = catalog("zlint-lints.tsv");
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (label, sources) in ZLINT_SOURCES {
        let names: Vec<String> = zlint
            .iter()
            .filter(|r| r[1] == "cert" && sources.contains(&r[2].as_str()))
            .map(|r| format!("zlint:{}", r[0]))
            .collect();
        groups.push(names.clone());
        row(format!("zlint, {label} (certificate lints)"), names, &mut out);
    }
    for file in PKILINT_FILES {
        let names: Vec<String> = catalog(file).iter().map(|r| format!("pkilint:{}", r[0])).collect();
        groups.push(names.clone());
        row(format!("pkilint `{file}`"), names, &mut out);
    }
    // The two catalog targets: the RFC family against zlint's RFC lints and pkilint's pkix
    // codes; the TLS catalog against zlint's CA/B Forum, root-program and community lints
    // and pkilint's serverauth codes.
    let combined = |a: usize, b: usize| -> Vec<String> { groups[a].iter().chain(groups[b].iter()).cloned().collect() };
    row("**RFC 5280 family total** (zlint + pkilint pkix)".into(), combined(0, 2), &mut out);
    row("**TLS BR, EV, root programs total** (zlint + pkilint serverauth)".into(), combined(1, 3), &mut out);
    left_out.sort();
    left_out.dedup();
    if !left_out.is_empty() {
        out.push_str("\nLeft out on purpose, and why:\n\n");
        out.push_str(&left_out.join("\n"));
        out.push('\n');
    }
    out
}

fn rules_section() -> String {
    let files = rule_files();
    let mut out =
        String::from("| id | severity | applies to | citation | effective | aliases |\n|---|---|---|---|---|---|\n");
    for m in metas() {
        let eff = match (m.effective_date(), m.ineffective_date()) {
            (None, None) => String::new(),
            (Some(a), None) => format!("from {}", &a.to_string()[..10]),
            (None, Some(b)) => format!("before {}", &b.to_string()[..10]),
            (Some(a), Some(b)) => format!("{} to {}", &a.to_string()[..10], &b.to_string()[..10]),
        };
        let scope = if m.applies_to() == certlint::Scope::ALL {
            "all".to_string()
        } else {
            m.applies_to().types().map(|t| t.name()).collect::<Vec<_>>().join(", ")
        };
        let aliases = m.alias_names().iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(" ");
        let (path, _, _) = locate(m.id(), &files);
        let rel = path.strip_prefix(root()).unwrap_or(&path).display().to_string();
        out.push_str(&format!(
            "| [`{}`]({rel}) | {} | {} | {} | {} | {} |\n",
            m.id(),
            format!("{:?}", m.severity()).to_lowercase(),
            scope,
            m.cited(),
            eff,
            aliases
        ));
    }
    out
}

fn replace_section(text: &str, name: &str, body: &str) -> String {
    let begin = format!("<!-- {name}:begin -->\n");
    let end = format!("<!-- {name}:end -->");
    let a = text.find(&begin).unwrap_or_else(|| panic!("README lacks {begin}")) + begin.len();
    let b = text.find(&end).unwrap_or_else(|| panic!("README lacks {end}"));
    format!("{}{}{}", &text[..a], body, &text[b..])
}

#[test]
fn readme_sections_match_the_registry() {
    let path = root().join("README.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut want = replace_section(&text, "rules", &rules_section());
    want = replace_section(&want, "coverage", &coverage_section());
    want = replace_section(&want, "rule-count", &format!("{}\n", metas().len()));
    if std::env::var_os("CERTLINT_REGEN").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    assert!(text == want, "README.md's generated sections are stale: run `CERTLINT_REGEN=1 cargo test --test catalog`");
}

#[test]
fn omissions_are_not_also_covered() {
    let aliased = aliased();
    for n in omissions().keys() {
        assert!(!aliased.contains(n), "{n} is listed in omissions.tsv but a rule answers to it");
    }
}

#[test]
fn every_catalog_check_is_covered_or_explained() {
    let aliased = aliased();
    let omitted = omissions();
    let zlint = catalog("zlint-lints.tsv");
    let mut open = Vec::new();
    for (_, sources) in ZLINT_SOURCES {
        for r in zlint.iter().filter(|r| r[1] == "cert" && sources.contains(&r[2].as_str())) {
            let n = format!("zlint:{}", r[0]);
            if !aliased.contains(&n) && !omitted.contains_key(&n) {
                open.push(n);
            }
        }
    }
    for file in PKILINT_FILES {
        for r in catalog(file) {
            let n = format!("pkilint:{}", r[0]);
            if !aliased.contains(&n) && !omitted.contains_key(&n) {
                open.push(n);
            }
        }
    }
    open.sort();
    open.dedup();
    assert!(open.is_empty(), "neither covered by a rule nor listed in omissions.tsv: {open:?}");
}
