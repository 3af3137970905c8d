//! Extensions (RFC 8446 §4.2): their bodies, which message may carry which, and
//! their fields. The code points they carry are in [`super::codes`].

use super::annotate::{Field, bytes, payload_bytes};
use super::codec::{LenWidth, Reader, Vector, put_u16, put_vector, with_vector};
use super::codes::{ExtensionType, NamedGroup, ProtocolVersion, SignatureScheme};
use super::error::DecodeError;
use crate::text;
use crate::text::Text;

/// ```text
/// struct {
///     NamedGroup group;
///     opaque key_exchange<1..2^16-1>;
/// } KeyShareEntry;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyShareEntry {
    /// The group (curve) of the key.
    pub group: u16,
    /// The public key; for secp256r1 a 65-byte uncompressed point.
    pub key_exchange: Vec<u8>,
}

/// The message an extension block belongs to; decides which extensions are
/// allowed and how their bodies are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtensionContext {
    /// ClientHello.extensions.
    ClientHello,
    /// ServerHello.extensions.
    ServerHello,
    /// The extensions of a HelloRetryRequest (a ServerHello with the special random).
    HelloRetryRequest,
    /// EncryptedExtensions.extensions.
    EncryptedExtensions,
    /// CertificateEntry.extensions.
    Certificate,
}

impl ExtensionContext {
    /// The message name.
    pub fn name(self) -> &'static str {
        match self {
            ExtensionContext::ClientHello => "ClientHello",
            ExtensionContext::ServerHello => "ServerHello",
            ExtensionContext::HelloRetryRequest => "HelloRetryRequest",
            ExtensionContext::EncryptedExtensions => "EncryptedExtensions",
            ExtensionContext::Certificate => "Certificate",
        }
    }

    fn min_block(self) -> usize {
        match self {
            ExtensionContext::ClientHello => 8,
            ExtensionContext::ServerHello => 6,
            _ => 0,
        }
    }

    fn sender(self) -> &'static str {
        match self {
            ExtensionContext::ClientHello => "client",
            _ => "server",
        }
    }
}

/// One extension:
/// ```text
/// struct {
///     ExtensionType extension_type;
///     opaque extension_data<0..2^16-1>;
/// } Extension;
/// ```
/// The body's shape depends on the message it sits in (see [`ExtensionContext`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Extension {
    /// server_name: one host_name in a ClientHello; empty body (`None`) in
    /// EncryptedExtensions, where the server says it used the name.
    /// ```text
    /// struct { NameType name_type; select (name_type) { case host_name: HostName; } name; } ServerName;
    /// opaque HostName<1..2^16-1>;
    /// struct { ServerName server_name_list<1..2^16-1> } ServerNameList;
    /// ```
    ServerName(Option<String>),
    /// `struct { NamedGroup named_group_list<2..2^16-1>; } NamedGroupList;`
    SupportedGroups(Vec<u16>),
    /// `struct { SignatureScheme supported_signature_algorithms<2..2^16-2>; } SignatureSchemeList;`
    SignatureAlgorithms(Vec<u16>),
    /// `opaque ProtocolName<1..2^8-1>; struct { ProtocolName protocol_name_list<2..2^16-1> } ProtocolNameList;`
    Alpn(Vec<Vec<u8>>),
    /// ClientHello form: `ProtocolVersion versions<2..254>;`
    SupportedVersionsClient(Vec<u16>),
    /// ServerHello form: `ProtocolVersion selected_version;`
    SupportedVersionsServer(u16),
    /// ClientHello form: `KeyShareEntry client_shares<0..2^16-1>;`
    KeyShareClient(Vec<KeyShareEntry>),
    /// ServerHello form: `KeyShareEntry server_share;`
    KeyShareServer(KeyShareEntry),
    /// HelloRetryRequest form: `NamedGroup selected_group;` (the group the server
    /// asks the client to send a share for).
    KeyShareHelloRetryRequest(u16),
    /// An extension this module does not model; kept and skipped, never rejected.
    Unknown {
        /// The extension type.
        typ: u16,
        /// The raw extension_data.
        data: Vec<u8>,
    },
}

impl Extension {
    /// The extension type.
    pub fn ext_type(&self) -> ExtensionType {
        match self {
            Extension::ServerName(_) => ExtensionType::ServerName,
            Extension::SupportedGroups(_) => ExtensionType::SupportedGroups,
            Extension::SignatureAlgorithms(_) => ExtensionType::SignatureAlgorithms,
            Extension::Alpn(_) => ExtensionType::Alpn,
            Extension::SupportedVersionsClient(_) | Extension::SupportedVersionsServer(_) => {
                ExtensionType::SupportedVersions
            }
            Extension::KeyShareClient(_)
            | Extension::KeyShareServer(_)
            | Extension::KeyShareHelloRetryRequest(_) => ExtensionType::KeyShare,
            Extension::Unknown { typ, .. } => ExtensionType::from_u16(*typ),
        }
    }

    /// The extension_data bytes (without type and length).
    pub fn encode_data(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self {
            Extension::ServerName(None) => {}
            Extension::ServerName(Some(host)) => with_vector(&mut out, LenWidth::U16, |o| {
                o.push(0);
                put_vector(o, LenWidth::U16, host.as_bytes());
            }),
            Extension::SupportedGroups(list) | Extension::SignatureAlgorithms(list) => {
                put_u16_list(&mut out, LenWidth::U16, list)
            }
            Extension::Alpn(names) => with_vector(&mut out, LenWidth::U16, |o| {
                for n in names {
                    put_vector(o, LenWidth::U8, n);
                }
            }),
            Extension::SupportedVersionsClient(list) => put_u16_list(&mut out, LenWidth::U8, list),
            Extension::SupportedVersionsServer(v) => put_u16(&mut out, *v),
            Extension::KeyShareClient(entries) => with_vector(&mut out, LenWidth::U16, |o| {
                for e in entries {
                    put_key_share_entry(o, e);
                }
            }),
            Extension::KeyShareServer(e) => put_key_share_entry(&mut out, e),
            Extension::KeyShareHelloRetryRequest(group) => put_u16(&mut out, *group),
            Extension::Unknown { data, .. } => out.extend_from_slice(data),
        }
        out
    }
}

fn put_u16_list(out: &mut Vec<u8>, width: LenWidth, list: &[u16]) {
    with_vector(out, width, |o| {
        for v in list {
            put_u16(o, *v);
        }
    });
}

fn put_key_share_entry(out: &mut Vec<u8>, e: &KeyShareEntry) {
    put_u16(out, e.group);
    put_vector(out, LenWidth::U16, &e.key_exchange);
}

/// Encodes an extension block: `Extension extensions<0..2^16-1>`, length prefix included.
pub fn encode_extensions(exts: &[Extension]) -> Vec<u8> {
    let mut out = Vec::new();
    with_vector(&mut out, LenWidth::U16, |o| {
        for e in exts {
            put_u16(o, e.ext_type().to_u16());
            put_vector(o, LenWidth::U16, &e.encode_data());
        }
    });
    out
}

/// Decodes an extension block (length prefix included; `buf` must hold exactly the
/// block). Duplicate types are an `IllegalParameter`, as is a known extension in a
/// message where it is not allowed; unknown types are kept as [`Extension::Unknown`].
pub fn decode_extensions(buf: &[u8], ctx: ExtensionContext) -> Result<Vec<Extension>, DecodeError> {
    let mut r = Reader::new(buf);
    let (exts, _) = read_extensions(&mut r, ctx)?;
    r.expect_end("extensions")?;
    Ok(exts)
}

/// Annotates an extension block (as [`decode_extensions`] reads it): one field
/// named "extensions" with ranges offset by `base`.
pub fn annotate_extensions(
    buf: &[u8],
    ctx: ExtensionContext,
    base: usize,
) -> Result<Field, DecodeError> {
    let mut r = Reader::with_base(buf, base);
    let (_, field) = read_extensions(&mut r, ctx)?;
    r.expect_end("extensions")?;
    Ok(field)
}

/// A leaf for a vector's length prefix.
pub(crate) fn length_leaf(v: &Vector<'_>, of: &str) -> Field {
    Field::leaf(
        "length",
        v.len_range.clone(),
        v.len.to_string(),
        text!("wire-length-prefix", n = v.len, of = of),
    )
}

/// A node for an opaque vector: its length leaf plus one leaf for the content.
pub(crate) fn opaque_field(
    name: &str,
    v: &Vector<'_>,
    value: impl Into<Text>,
    meaning: impl Into<Text>,
    content_meaning: impl Into<Text>,
) -> Field {
    let value = value.into();
    let mut children = vec![length_leaf(v, name)];
    if v.len > 0 {
        let start = v.len_range.end;
        children.push(Field::leaf(
            name,
            start..v.range.end,
            value.clone(),
            content_meaning,
        ));
    }
    Field::node(name, v.range.clone(), value, meaning, children)
}

/// Reads a vector of u16 codes and annotates each entry with `describe`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn read_u16_list(
    r: &mut Reader<'_>,
    width: LenWidth,
    min: usize,
    max: usize,
    what: &'static str,
    name: &str,
    entry_name: &str,
    describe: impl Fn(u16) -> (String, Text),
) -> Result<(Vec<u16>, Field), DecodeError> {
    let mut v = r.vector(width, min, max, 2, what)?;
    let mut list = Vec::new();
    let mut children = vec![length_leaf(&v, name)];
    while !v.body.is_empty() {
        let at = v.body.offset();
        let code = v.body.u16(what)?;
        let (value, meaning) = describe(code);
        children.push(Field::leaf(entry_name, at..at + 2, value, meaning));
        list.push(code);
    }
    let field = Field::node(
        name,
        v.range.clone(),
        text!("wire-count-entries", n = list.len()),
        text!(
            "wire-entries-by-preference",
            count = text!("wire-count-entries", n = list.len())
        ),
        children,
    );
    Ok((list, field))
}

pub(crate) fn read_extensions(
    r: &mut Reader<'_>,
    ctx: ExtensionContext,
) -> Result<(Vec<Extension>, Field), DecodeError> {
    let mut block = r.vector(LenWidth::U16, ctx.min_block(), 0xffff, 1, "extensions")?;
    let mut exts: Vec<Extension> = Vec::new();
    let mut children = vec![length_leaf(&block, "extensions")];
    while !block.body.is_empty() {
        let at = block.body.offset();
        let typ = ExtensionType::from_u16(block.body.u16("Extension.extension_type")?);
        let type_range = at..block.body.offset();
        let mut data =
            block
                .body
                .vector(LenWidth::U16, 0, 0xffff, 1, "Extension.extension_data")?;
        if exts.iter().any(|e| e.ext_type() == typ) {
            return Err(DecodeError::illegal(
                "extensions",
                crate::text!(
                    "wire-error-extension-twice",
                    extension = ext_label(typ),
                    message = ctx.name()
                ),
            ));
        }
        let (ext, value, inner) = read_extension_data(typ, ctx, &mut data.body)?;
        data.body.expect_end(ext_what(typ))?;
        let name = typ.rfc_name().unwrap_or("unknown_extension");
        let mut ext_children = vec![
            Field::leaf(
                "extension_type",
                type_range,
                ext_label(typ),
                text!("wire-extension-type", name = name),
            ),
            length_leaf(&data, "extension_data"),
        ];
        ext_children.extend(inner);
        children.push(Field::node(
            name,
            at..data.range.end,
            value,
            typ.purpose(),
            ext_children,
        ));
        exts.push(ext);
    }
    let field = Field::node(
        "extensions",
        block.range.clone(),
        text!("wire-count-extensions", n = exts.len()),
        Text::message("wire-extensions"),
        children,
    );
    Ok((exts, field))
}

fn ext_label(typ: ExtensionType) -> String {
    let v = typ.to_u16();
    match typ.rfc_name() {
        Some(n) => format!("{v} ({n})"),
        None if typ.is_grease() => format!("{v} (GREASE)"),
        None => v.to_string(),
    }
}

fn ext_what(typ: ExtensionType) -> &'static str {
    use ExtensionType as T;
    match typ {
        T::ServerName
        | T::SupportedGroups
        | T::SignatureAlgorithms
        | T::Alpn
        | T::SupportedVersions
        | T::KeyShare => typ.rfc_name().unwrap_or("Extension.extension_data"),
        _ => "Extension.extension_data",
    }
}

fn allowed(typ: ExtensionType, ctx: ExtensionContext) -> bool {
    use ExtensionContext as C;
    use ExtensionType as T;
    match typ {
        T::ServerName | T::SupportedGroups | T::Alpn => {
            matches!(ctx, C::ClientHello | C::EncryptedExtensions)
        }
        T::SignatureAlgorithms => ctx == C::ClientHello,
        T::SupportedVersions | T::KeyShare => {
            matches!(ctx, C::ClientHello | C::ServerHello | C::HelloRetryRequest)
        }
        _ => true,
    }
}

/// The extension, its value as the extension's field shows it, and its inner fields.
type ExtData = (Extension, Text, Vec<Field>);

fn read_extension_data(
    typ: ExtensionType,
    ctx: ExtensionContext,
    r: &mut Reader<'_>,
) -> Result<ExtData, DecodeError> {
    if !allowed(typ, ctx) {
        return Err(DecodeError::illegal(
            "extensions",
            crate::text!(
                "wire-error-extension-not-allowed",
                extension = ext_label(typ),
                message = ctx.name()
            ),
        ));
    }
    use ExtensionContext as C;
    use ExtensionType as T;
    match (typ, ctx) {
        (T::ServerName, C::ClientHello) => read_server_name(r),
        (T::ServerName, _) => Ok((
            Extension::ServerName(None),
            Text::message("wire-empty"),
            Vec::new(),
        )),
        (T::SupportedGroups, _) => {
            let (list, f) = read_u16_list(
                r,
                LenWidth::U16,
                2,
                0xffff,
                "supported_groups.named_group_list",
                "named_group_list",
                "named_group",
                describe_named_group,
            )?;
            let value = names_summary(&list, |g| describe_named_group(g).0);
            Ok((Extension::SupportedGroups(list), value.into(), vec![f]))
        }
        (T::SignatureAlgorithms, _) => {
            let (list, f) = read_u16_list(
                r,
                LenWidth::U16,
                2,
                0xfffe,
                "signature_algorithms.supported_signature_algorithms",
                "supported_signature_algorithms",
                "signature_scheme",
                describe_signature_scheme,
            )?;
            let value = names_summary(&list, |g| describe_signature_scheme(g).0);
            Ok((Extension::SignatureAlgorithms(list), value.into(), vec![f]))
        }
        (T::Alpn, _) => read_alpn(r, ctx),
        (T::SupportedVersions, C::ClientHello) => {
            let (list, f) = read_u16_list(
                r,
                LenWidth::U8,
                2,
                254,
                "supported_versions.versions",
                "versions",
                "version",
                describe_version,
            )?;
            let value = names_summary(&list, |v| ProtocolVersion::from_u16(v).name_or_hex());
            Ok((
                Extension::SupportedVersionsClient(list),
                value.into(),
                vec![f],
            ))
        }
        (T::SupportedVersions, _) => {
            let at = r.offset();
            let v = r.u16("supported_versions.selected_version")?;
            let (value, meaning) = ProtocolVersion::from_u16(v).describe();
            let f = Field::leaf(
                "selected_version",
                at..at + 2,
                value.clone(),
                text!("wire-selected-version", version = meaning),
            );
            Ok((Extension::SupportedVersionsServer(v), value.into(), vec![f]))
        }
        (T::KeyShare, C::ClientHello) => {
            let mut v = r.vector(LenWidth::U16, 0, 0xffff, 1, "key_share.client_shares")?;
            let mut entries: Vec<KeyShareEntry> = Vec::new();
            let mut children = vec![length_leaf(&v, "client_shares")];
            while !v.body.is_empty() {
                let (e, f) = read_key_share_entry(&mut v.body, ctx.sender())?;
                if entries.iter().any(|x| x.group == e.group) {
                    return Err(DecodeError::illegal(
                        "key_share.client_shares",
                        crate::text!(
                            "wire-error-two-key-shares",
                            group = describe_named_group(e.group).0
                        ),
                    ));
                }
                entries.push(e);
                children.push(f);
            }
            let value = names_summary(&entries.iter().map(|e| e.group).collect::<Vec<_>>(), |g| {
                describe_named_group(g).0
            });
            let f = Field::node(
                "client_shares",
                v.range.clone(),
                text!("wire-count-shares", n = entries.len()),
                Text::message("wire-client-shares"),
                children,
            );
            Ok((Extension::KeyShareClient(entries), value.into(), vec![f]))
        }
        (T::KeyShare, C::HelloRetryRequest) => {
            let at = r.offset();
            let group = r.u16("key_share.selected_group")?;
            let (value, meaning) = describe_named_group(group);
            let f = Field::leaf(
                "selected_group",
                at..at + 2,
                value.clone(),
                text!("wire-hrr-selected-group", group = meaning),
            );
            Ok((
                Extension::KeyShareHelloRetryRequest(group),
                value.into(),
                vec![f],
            ))
        }
        (T::KeyShare, _) => {
            let (e, f) = read_key_share_entry(r, ctx.sender())?;
            let value = describe_named_group(e.group).0;
            Ok((Extension::KeyShareServer(e), value.into(), vec![f]))
        }
        _ => {
            let at = r.offset();
            let data = r.rest();
            let mut fields = Vec::new();
            if !data.is_empty() {
                fields.push(Field::leaf(
                    "extension_data",
                    at..at + data.len(),
                    bytes(data.len()),
                    Text::message("wire-extension-data-skipped"),
                ));
            }
            let ext = Extension::Unknown {
                typ: typ.to_u16(),
                data: data.to_vec(),
            };
            let value = match data.len() {
                0 => Text::message("wire-empty"),
                n => bytes(n),
            };
            Ok((ext, value, fields))
        }
    }
}

fn describe_named_group(v: u16) -> (String, Text) {
    NamedGroup::from_u16(v).describe()
}

fn describe_signature_scheme(v: u16) -> (String, Text) {
    SignatureScheme::from_u16(v).describe()
}

fn describe_version(v: u16) -> (String, Text) {
    ProtocolVersion::from_u16(v).describe()
}

fn names_summary(list: &[u16], name: impl Fn(u16) -> String) -> String {
    let names: Vec<String> = list.iter().map(|v| name(*v)).collect();
    names.join(", ")
}

fn read_server_name(r: &mut Reader<'_>) -> Result<ExtData, DecodeError> {
    let what = "server_name.server_name_list";
    let mut list = r.vector(LenWidth::U16, 1, 0xffff, 1, what)?;
    let mut host: Option<String> = None;
    let mut children = vec![length_leaf(&list, "server_name_list")];
    while !list.body.is_empty() {
        let at = list.body.offset();
        let name_type = list.body.u8("ServerName.name_type")?;
        if name_type != 0 {
            return Err(DecodeError::malformed(
                "ServerName.name_type",
                crate::text!("wire-error-name-type", name_type = name_type),
            ));
        }
        let v = list
            .body
            .vector(LenWidth::U16, 1, 0xffff, 1, "ServerName.host_name")?;
        let mut body = v.body.clone();
        let bytes = body.rest();
        let name = String::from_utf8(bytes.to_vec()).map_err(|_| {
            DecodeError::malformed(
                "ServerName.host_name",
                crate::text::Text::message("wire-error-host-not-utf8"),
            )
        })?;
        if host.is_some() {
            return Err(DecodeError::illegal(
                "server_name.server_name_list",
                crate::text::Text::message("wire-error-two-host-names"),
            ));
        }
        let content_meaning = if name.is_ascii() {
            "wire-host-name-ascii"
        } else {
            "wire-host-name-unicode"
        };
        let host_field = opaque_field(
            "host_name",
            &v,
            name.clone(),
            Text::message("wire-host-name"),
            Text::message(content_meaning),
        );
        children.push(Field::node(
            "ServerName",
            at..v.range.end,
            name.clone(),
            Text::message("wire-server-name-entry"),
            vec![
                Field::leaf(
                    "name_type",
                    at..at + 1,
                    "0 (host_name)",
                    Text::message("wire-name-type-host"),
                ),
                host_field,
            ],
        ));
        host = Some(name);
    }
    let value = host.clone().unwrap_or_default();
    let f = Field::node(
        "server_name_list",
        list.range.clone(),
        value.clone(),
        Text::message("wire-server-name-list"),
        children,
    );
    Ok((Extension::ServerName(host), value.into(), vec![f]))
}

fn read_alpn(r: &mut Reader<'_>, ctx: ExtensionContext) -> Result<ExtData, DecodeError> {
    let what = "application_layer_protocol_negotiation.protocol_name_list";
    let mut list = r.vector(LenWidth::U16, 2, 0xffff, 1, what)?;
    let mut names: Vec<Vec<u8>> = Vec::new();
    let mut children = vec![length_leaf(&list, "protocol_name_list")];
    while !list.body.is_empty() {
        let v = list.body.vector(LenWidth::U8, 1, 0xff, 1, "ProtocolName")?;
        let mut body = v.body.clone();
        let bytes = body.rest().to_vec();
        let shown = String::from_utf8_lossy(&bytes).into_owned();
        let content_meaning = match bytes.as_slice() {
            b"http/1.1" => Text::message("wire-alpn-http11"),
            b"h2" => Text::message("wire-alpn-h2"),
            b"h3" => Text::message("wire-alpn-h3"),
            _ => text!("wire-alpn-other", name = shown.clone()),
        };
        children.push(opaque_field(
            "ProtocolName",
            &v,
            shown,
            Text::message("wire-alpn-name"),
            content_meaning,
        ));
        names.push(bytes);
    }
    if ctx == ExtensionContext::EncryptedExtensions && names.len() != 1 {
        return Err(DecodeError::malformed(
            what,
            crate::text!("wire-error-one-protocol", n = names.len()),
        ));
    }
    let value = names
        .iter()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let meaning = match ctx {
        ExtensionContext::ClientHello => "wire-alpn-client",
        _ => "wire-alpn-server",
    };
    let f = Field::node(
        "protocol_name_list",
        list.range.clone(),
        value.clone(),
        Text::message(meaning),
        children,
    );
    Ok((Extension::Alpn(names), value.into(), vec![f]))
}

fn read_key_share_entry(
    r: &mut Reader<'_>,
    side: &str,
) -> Result<(KeyShareEntry, Field), DecodeError> {
    let at = r.offset();
    let group = r.u16("KeyShareEntry.group")?;
    let v = r.vector(LenWidth::U16, 1, 0xffff, 1, "KeyShareEntry.key_exchange")?;
    let mut body = v.body.clone();
    let key = body.rest().to_vec();
    let (gname, gmeaning) = describe_named_group(group);
    let n = key.len();
    let key_field = match (NamedGroup::from_u16(group), key.first()) {
        (NamedGroup::Secp256r1, Some(4)) if n == 65 => {
            let s = v.len_range.end;
            Field::node(
                "key_exchange",
                v.range.clone(),
                payload_bytes(n),
                text!("wire-key-p256", side = side),
                vec![
                    length_leaf(&v, "key_exchange"),
                    Field::leaf(
                        "legacy_form",
                        s..s + 1,
                        "4",
                        Text::message("wire-key-legacy-form"),
                    ),
                    Field::leaf("x", s + 1..s + 33, bytes(32), Text::message("wire-key-x")),
                    Field::leaf("y", s + 33..s + 65, bytes(32), Text::message("wire-key-y")),
                ],
            )
        }
        _ => {
            let meaning = match NamedGroup::from_u16(group) {
                NamedGroup::X25519 if n == 32 => text!("wire-key-x25519", side = side),
                _ => text!(
                    "wire-key-other",
                    side = side,
                    group = gname.clone(),
                    size = payload_bytes(n)
                ),
            };
            opaque_field(
                "key_exchange",
                &v,
                payload_bytes(n),
                meaning.clone(),
                meaning,
            )
        }
    };
    let field = Field::node(
        "KeyShareEntry",
        at..v.range.end,
        gname.clone(),
        text!("wire-key-share-entry", group = gname.clone()),
        vec![Field::leaf("group", at..at + 2, gname, gmeaning), key_field],
    );
    Ok((
        KeyShareEntry {
            group,
            key_exchange: key,
        },
        field,
    ))
}

#[cfg(test)]
#[path = "extensions_test.rs"]
mod tests;
