//! HTML character references: `&#233;`, `&#xE9;` and the named ones people
//! type (`&amp;`, `&nbsp;`, `&eacute;`, `&mdash;` ...). An unknown name is
//! kept as written.

/// Named references and the text they stand for.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("shy", "\u{ad}"),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("minus", "−"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("bull", "•"),
    ("middot", "·"),
    ("deg", "°"),
    ("times", "×"),
    ("divide", "÷"),
    ("plusmn", "±"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("curren", "¤"),
    ("sect", "§"),
    ("para", "¶"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("prime", "′"),
    ("Prime", "″"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("micro", "µ"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("szlig", "ß"),
    ("aelig", "æ"),
    ("AElig", "Æ"),
    ("oelig", "œ"),
    ("OElig", "Œ"),
    ("oslash", "ø"),
    ("Oslash", "Ø"),
    ("eth", "ð"),
    ("ETH", "Ð"),
    ("thorn", "þ"),
    ("THORN", "Þ"),
    ("ccedil", "ç"),
    ("Ccedil", "Ç"),
    ("ntilde", "ñ"),
    ("Ntilde", "Ñ"),
    ("aring", "å"),
    ("Aring", "Å"),
    ("scaron", "š"),
    ("Scaron", "Š"),
    ("zcaron", "ž"),
    ("Zcaron", "Ž"),
];

/// `&eacute;`, `&Ograve;`, `&uuml;`, `&atilde;`, `&yacute;` and kin: the
/// accent's name after a letter.
fn accented(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let letter = chars.next()?;
    let accent = chars.as_str();
    let table: &[(char, [char; 2])] = match accent {
        "acute" => &[
            ('a', ['á', 'Á']),
            ('e', ['é', 'É']),
            ('i', ['í', 'Í']),
            ('o', ['ó', 'Ó']),
            ('u', ['ú', 'Ú']),
            ('y', ['ý', 'Ý']),
        ],
        "grave" => &[
            ('a', ['à', 'À']),
            ('e', ['è', 'È']),
            ('i', ['ì', 'Ì']),
            ('o', ['ò', 'Ò']),
            ('u', ['ù', 'Ù']),
        ],
        "circ" => &[
            ('a', ['â', 'Â']),
            ('e', ['ê', 'Ê']),
            ('i', ['î', 'Î']),
            ('o', ['ô', 'Ô']),
            ('u', ['û', 'Û']),
        ],
        "uml" => &[
            ('a', ['ä', 'Ä']),
            ('e', ['ë', 'Ë']),
            ('i', ['ï', 'Ï']),
            ('o', ['ö', 'Ö']),
            ('u', ['ü', 'Ü']),
            ('y', ['ÿ', 'Ÿ']),
        ],
        "tilde" => &[('a', ['ã', 'Ã']), ('o', ['õ', 'Õ']), ('n', ['ñ', 'Ñ'])],
        _ => return None,
    };
    table.iter().find_map(|(base, [lower, upper])| {
        if letter == *base {
            Some(*lower)
        } else if letter == base.to_ascii_uppercase() {
            Some(*upper)
        } else {
            None
        }
    })
}

/// The text a reference's name (between `&` and `;`) stands for.
fn reference(name: &str) -> Option<String> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        return Some(c.to_string());
    }
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| (*text).to_string())
        .or_else(|| accented(name).map(String::from))
}

/// Decodes every character reference in `text`; `&` that starts none is kept.
pub(crate) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(after.len());
        let decoded = (name_len > 0 && after[name_len..].starts_with(';'))
            .then(|| reference(&after[..name_len]))
            .flatten();
        match decoded {
            Some(text) => {
                out.push_str(&text);
                rest = &after[name_len + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
