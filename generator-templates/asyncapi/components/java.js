// Java source text for WsMethods, the params classes and WsApi. Plain string building: the output is
// Java, not markup, and React is only the generator's way of naming the files.

export const HEADER = '// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.\n';

/** Collects imports for one compilation unit; falls back to a qualified name when a simple name is taken. */
export class Imports {
  constructor(pkg) {
    this.pkg = pkg;
    this.bySimple = new Map();
  }

  /** Rewrites every qualified name in a (possibly generic) type to the name to use in the source. */
  type(text) {
    return text.replace(/\b[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.[A-Z][A-Za-z0-9_]*\b/g, (fqn) => this.use(fqn));
  }

  use(fqn) {
    const dot = fqn.lastIndexOf('.');
    const pkg = fqn.slice(0, dot);
    const simple = fqn.slice(dot + 1);
    if (pkg === 'java.lang') return simple;
    const taken = this.bySimple.get(simple);
    if (taken === undefined) {
      this.bySimple.set(simple, fqn);
      return simple;
    }
    return taken === fqn ? simple : fqn;
  }

  render() {
    return [...this.bySimple.values()]
      .filter((fqn) => fqn.slice(0, fqn.lastIndexOf('.')) !== this.pkg)
      .sort()
      .map((fqn) => `import ${fqn};\n`)
      .join('');
  }
}

// Spec text as Javadoc HTML: markup characters as entities; `@` too, so text never starts a tag (@param, {@link});
// the `/` of a comment terminator; and `\`, which javac would read as the start of a unicode escape (\u002a\u002f).
function escapeHtml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/\\/g, '&#92;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/\*\//g, '*&#47;');
}

/** Text for a Javadoc comment: one line, HTML-escaped, `code` spans as <code>, never a tag or a comment end. */
export function doc(text) {
  if (!text) return '';
  return String(text)
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}

const str = (s) => JSON.stringify(s);

function unit(pkg, imports, body) {
  return `${HEADER}package ${pkg};\n\n${imports.render()}\n${body}`;
}

function facts(m) {
  const parts = [`Security ${m.security}`, `weight ${m.weight}`];
  if (m.changesState) parts.push('changes state, so it is never resent automatically');
  return parts.join(', ');
}

export function renderWsMethods(methods, pkg) {
  const im = new Imports(pkg);
  const TypeReference = im.use('com.fasterxml.jackson.core.type.TypeReference');
  const Meaning = im.use('io.spotsdk.core.Meaning');
  const SecurityType = im.use('io.spotsdk.core.SecurityType');
  const Descriptor = im.use('io.spotsdk.core.WsMethodDescriptor');
  const List = im.use('java.util.List');
  const Settlement = im.use('io.spotsdk.core.Settlement');

  let body = '';
  body += '/**\n';
  body += ' * The methods of the Binance Spot WebSocket API, one descriptor each, as declared in spec/spot-ws-api.yaml:\n';
  body += ' * result type, security, weight, whether it changes state, the ids it creates, its REST twin and what each\n';
  body += ' * response {@code status} means. Result types are the same Java classes as the REST client\'s.\n';
  body += ' */\n';
  body += 'public final class WsMethods {\n';
  body += '  private WsMethods() {}\n';
  for (const m of methods) {
    const t = im.type(m.resultType);
    body += '\n  /**\n';
    body += `   * {@code ${m.method}}${m.summary ? `: ${doc(m.summary)}` : ''}\n`;
    if (m.description) body += `   * <p>${doc(m.description)}\n`;
    body += `   * <p>${facts(m)}.${m.restTwin ? ` REST twin: {@code ${m.restTwin}}.` : ''}\n`;
    body += '   */\n';
    body += `  public static final ${Descriptor}<${t}> ${m.names.constant} =\n`;
    body += `      ${Descriptor}.<${t}>builder(${str(m.method)}, new ${TypeReference}<${t}>() {})\n`;
    body += `          .security(${SecurityType}.${m.security})\n`;
    body += `          .weight(${m.weight})\n`;
    for (const r of m.weightRules) {
      if (r.range) {
        body += `          .weightRange(${str(r.param)}, ${r.count}, ${r.min}L, ${r.max === null ? 'Long.MAX_VALUE' : `${r.max}L`}, ${r.perItem}, ${r.weight})\n`;
      } else {
        body += `          .weightRule(${str(r.param)}, ${r.equals === null ? 'null' : str(r.equals)}, ${r.absent}, ${r.weight})\n`;
      }
    }
    if (m.oneOrMany) body += '          .oneOrMany(true)\n';
    if (m.orderCount) body += `          .orderCount(${m.orderCount})\n`;
    body += `          .changesState(${m.changesState})\n`;
    for (const id of m.clientIds) body += `          .clientIdParam(${str(id)})\n`;
    for (const e of m.echoes) body += `          .echo(${str(e.field)}, ${str(e.param)})\n`;
    for (const st of m.settlements) {
      const key = st.key.map((k) => `, ${str(k.param)}, ${str(k.from)}`).join('');
      const legs = st.legs ? `.withLegs(${str(st.legs)})` : '';
      const match = st.match.length ? `.withMatch(${st.match.map((k) => `${str(k.field)}, ${str(k.from)}`).join(', ')})` : '';
      body += `          .settledBy(${Settlement}.of(${str(st.part)}, ${str(st.operation)}, ${str(st.effect)}${key})${legs}${match})\n`;
    }
    if (m.restTwin) body += `          .restTwin(${str(m.restTwin)})\n`;
    for (const o of m.outcomes) {
      const codes = o.codes.map((c) => `,\n              ${Meaning}.byCode(${c.code}, ${Meaning}.${c.outcome})`).join('');
      body += `          .status(${str(o.status)}, ${Meaning}.${o.outcome}${codes})\n`;
    }
    body += '          .build();\n';
  }
  body += '\n  /** Every method, in the order of the spec. */\n';
  body += `  public static final ${List}<${Descriptor}<?>> ALL = ${List}.of(\n`;
  body += methods.map((m) => `      ${m.names.constant}`).join(',\n');
  body += ');\n';
  body += '}\n';
  return unit(pkg, im, body);
}

/** What each reply status means, as the spec declares it (same shape as the REST operations' Javadoc). */
function outcomeList(m) {
  let out = '   * Outcome by status:\n   * <ul>\n';
  for (const o of m.outcomes) {
    const codes = o.codes.map((c) => `; code ${c.code}: ${c.outcome}`).join('');
    out += `   *   <li>${o.status} (${o.outcome}${codes})${o.description ? `: ${doc(o.description)}` : ''}</li>\n`;
  }
  return `${out}   * </ul>\n`;
}

export function paramsClassName(m) {
  return `${m.names.pascal}Params`;
}

const constantName = (param) => param.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Static constants the checks of one param use: patterns are compiled and bounds parsed once, with the class. */
function ruleConstants(p, im) {
  const r = p.rules;
  let out = '';
  if (r.pattern !== undefined) {
    out += `  private static final ${im.use('java.util.regex.Pattern')} ${constantName(p.name)}_PATTERN =\n`;
    out += `      ${im.use('java.util.regex.Pattern')}.compile(${str(r.pattern)});\n`;
  }
  for (const [key, b] of [['MINIMUM', r.minimum], ['MAXIMUM', r.maximum]]) {
    if (b) out += `  private static final ${im.use('java.math.BigDecimal')} ${constantName(p.name)}_${key} = new ${im.use('java.math.BigDecimal')}(${str(b.value)});\n`;
  }
  return out;
}

/** The checks of one param, in the order a reader would expect: kind, length, shape, size. */
function ruleChecks(m, p, ParamRules) {
  const r = p.rules;
  const args = `${str(m.method)}, ${str(p.name)}, ${p.name}`;
  let out = '';
  if (r.known) out += `    ${ParamRules}.known(${args});\n`;
  if (r.minLength !== undefined) out += `    ${ParamRules}.minLength(${args}, ${r.minLength});\n`;
  if (r.maxLength !== undefined) out += `    ${ParamRules}.maxLength(${args}, ${r.maxLength});\n`;
  if (r.pattern !== undefined) out += `    ${ParamRules}.pattern(${args}, ${constantName(p.name)}_PATTERN);\n`;
  if (r.minimum) out += `    ${ParamRules}.minimum(${args}, ${constantName(p.name)}_MINIMUM, ${r.minimum.exclusive});\n`;
  if (r.maximum) out += `    ${ParamRules}.maximum(${args}, ${constantName(p.name)}_MAXIMUM, ${r.maximum.exclusive});\n`;
  return out;
}

export function renderParams(m, pkg) {
  const im = new Imports(pkg);
  const InvalidRequestException = im.use('io.spotsdk.InvalidRequestException');
  const ParamRules = im.use('io.spotsdk.core.ParamRules');
  const ParamSink = im.use('io.spotsdk.core.ParamSink');
  const RequestParams = im.use('io.spotsdk.core.RequestParams');
  const cls = paramsClassName(m);
  const own = m.params.filter((p) => !p.signing);
  const signing = m.params.filter((p) => p.signing);

  let body = '';
  body += '/**\n';
  body += ` * Parameters of {@code ${m.method}}${m.summary ? `: ${doc(m.summary)}` : ''}\n`;
  for (const p of signing) body += ` * <p>{@code ${p.name}} is added by the signer, never by the caller.\n`;
  body += ' * <p>Mutable and not thread-safe: build one per call.\n';
  body += ' */\n';
  body += `public final class ${cls} implements ${RequestParams} {\n`;
  const constants = own.map((p) => ruleConstants(p, im)).join('');
  if (constants) body += `${constants}\n`;
  for (const p of own) body += `  private ${im.type(p.type)} ${p.name};\n`;
  if (own.length) body += '\n';
  body += `  /** No parameters set yet: set what the call needs, then pass these to {@code ${m.method}}. */\n`;
  body += `  public ${cls}() {}\n`;
  for (const p of own) {
    const t = im.type(p.type);
    body += '\n';
    body += '  /**\n';
    body += `   * Sets {@code ${p.name}}${p.required ? ' (required)' : '; null leaves it out'}.${p.description ? ` ${doc(p.description)}` : ''}\n`;
    body += '   *\n';
    body += `   * @param ${p.name} the value to send\n`;
    body += '   * @return these parameters\n';
    body += '   */\n';
    body += `  public ${cls} ${p.name}(${t} ${p.name}) {\n`;
    body += `    this.${p.name} = ${p.name};\n`;
    body += '    return this;\n';
    body += '  }\n\n';
    body += '  /**\n';
    body += `   * The {@code ${p.name}} to send.\n`;
    body += '   *\n';
    body += '   * @return the value set, or null when it is not sent\n';
    body += '   */\n';
    body += `  public ${t} ${p.name}() {\n`;
    body += `    return ${p.name};\n`;
    body += '  }\n';
  }
  body += '\n  @Override\n';
  body += '  public void validate() {\n';
  for (const p of own.filter((x) => x.required)) {
    body += `    if (${p.name} == null) {\n`;
    body += `      throw ${InvalidRequestException}.missing(${str(m.method)}, ${str(p.name)});\n`;
    body += '    }\n';
  }
  for (const p of own) body += ruleChecks(m, p, ParamRules);
  body += '  }\n';
  body += '\n  @Override\n';
  body += `  public void writeTo(${ParamSink} sink) {\n`;
  for (const p of own) body += `    sink.${p.list ? 'addJsonArray' : 'add'}(${str(p.name)}, ${p.name});\n`;
  body += '  }\n';
  body += '\n  @Override\n';
  body += '  public String toString() {\n';
  body += `    StringBuilder b = new StringBuilder(${str(`${cls}{`)});\n`;
  for (const p of own) {
    body += `    if (${p.name} != null) b.append(${str(`${p.name}=`)}).append(${p.name}).append(' ');\n`;
  }
  body += "    return b.append('}').toString();\n";
  body += '  }\n';
  body += '}\n';
  return unit(pkg, im, body);
}

export function renderWsApi(methods, pkg) {
  const im = new Imports(pkg);
  const WsCaller = im.use('io.spotsdk.core.WsCaller');
  const Outcome = im.use('io.spotsdk.outcome.Outcome');
  const CompletableFuture = im.use('java.util.concurrent.CompletableFuture');
  const Objects = im.use('java.util.Objects');

  let body = '';
  body += '/**\n';
  body += ' * The Binance Spot WebSocket API, one method per method of spec/spot-ws-api.yaml. Every call is handed to the\n';
  body += ` * {@link ${WsCaller}} with its {@link WsMethods} descriptor; the future completes with an {@link ${Outcome}}, never\n`;
  body += ' * exceptionally.\n';
  body += ' */\n';
  body += 'public final class WsApi {\n';
  body += `  private final ${WsCaller} caller;\n\n`;
  body += '  /**\n';
  body += '   * The methods over a runtime; {@link io.spotsdk.SpotWsApiClient} makes one, so user code rarely needs to.\n';
  body += '   *\n';
  body += '   * @param caller the runtime that signs, sends and classifies each call\n';
  body += '   */\n';
  body += `  public WsApi(${WsCaller} caller) {\n`;
  body += `    this.caller = ${Objects}.requireNonNull(caller, "caller");\n`;
  body += '  }\n';
  for (const m of methods) {
    const t = im.type(m.resultType);
    const ret = `${CompletableFuture}<${Outcome}<${t}>>`;
    const cls = paramsClassName(m);
    body += '\n  /**\n';
    body += `   * {@code ${m.method}}${m.summary ? `: ${doc(m.summary)}` : ''}\n`;
    if (m.description) body += `   * <p>${doc(m.description)}\n`;
    body += `   * <p>${facts(m)}.\n`;
    body += outcomeList(m);
    body += '   *\n';
    body += '   * @param params the parameters; checked against the spec\'s rules before anything is sent\n';
    body += '   * @return a future that completes with the outcome, never exceptionally\n';
    body += '   */\n';
    body += `  public ${ret} ${m.names.camel}(${cls} params) {\n`;
    body += `    return caller.call(WsMethods.${m.names.constant}, params);\n`;
    body += '  }\n';
    if (!m.params.some((p) => p.required && !p.signing)) {
      body += '\n  /**\n';
      body += `   * {@code ${m.method}} with no parameters.\n`;
      body += '   *\n';
      body += '   * @return a future that completes with the outcome, never exceptionally\n';
      body += '   */\n';
      body += `  public ${ret} ${m.names.camel}() {\n`;
      body += `    return ${m.names.camel}(new ${cls}());\n`;
      body += '  }\n';
    }
  }
  body += '}\n';
  return unit(pkg, im, body);
}

/**
 * The blocking twin of WsApi. Waiting is bounded: every future completes by its reply, its deadline or the
 * connection closing, and never exceptionally.
 */
export function renderWsBlockingApi(methods, pkg) {
  const im = new Imports(pkg);
  const Outcome = im.use('io.spotsdk.outcome.Outcome');
  const Objects = im.use('java.util.Objects');

  let body = '';
  body += '/**\n';
  body += ' * Every method of {@link WsApi}, waiting for its outcome. The wait is bounded by the request deadline: the\n';
  body += ` * future of a {@link WsApi} call always completes with an {@link ${Outcome}}, never exceptionally.\n`;
  body += ' */\n';
  body += 'public final class WsBlockingApi {\n';
  body += '  private final WsApi api;\n\n';
  body += '  /**\n';
  body += '   * The blocking face of an asynchronous API; {@link io.spotsdk.SpotWsApiClient#blocking()} gives one.\n';
  body += '   *\n';
  body += '   * @param api the API whose futures are waited for\n';
  body += '   */\n';
  body += '  public WsBlockingApi(WsApi api) {\n';
  body += `    this.api = ${Objects}.requireNonNull(api, "api");\n`;
  body += '  }\n';
  for (const m of methods) {
    const t = im.type(m.resultType);
    const cls = paramsClassName(m);
    body += '\n  /**\n';
    body += `   * {@code ${m.method}}, waiting for the outcome${m.summary ? `: ${doc(m.summary)}` : '.'}\n`;
    body += '   *\n';
    body += '   * @param params the parameters; checked against the spec\'s rules before anything is sent\n';
    body += '   * @return the outcome\n';
    body += '   */\n';
    body += `  public ${Outcome}<${t}> ${m.names.camel}(${cls} params) {\n`;
    body += `    return api.${m.names.camel}(params).join();\n`;
    body += '  }\n';
    if (!m.params.some((p) => p.required && !p.signing)) {
      body += '\n  /**\n';
      body += `   * {@code ${m.method}} with no parameters, waiting for the outcome.\n`;
      body += '   *\n';
      body += '   * @return the outcome\n';
      body += '   */\n';
      body += `  public ${Outcome}<${t}> ${m.names.camel}() {\n`;
      body += `    return api.${m.names.camel}().join();\n`;
      body += '  }\n';
    }
  }
  body += '}\n';
  return unit(pkg, im, body);
}

/** The WebSocket API servers of the spec, by environment. */
export function renderWsServers(servers, pkg) {
  const im = new Imports(pkg);
  let body = '';
  body += '/** The WebSocket API servers declared in spec/spot-ws-api.yaml. */\n';
  body += 'public final class WsServers {\n';
  body += '  private WsServers() {}\n';
  for (const s of servers) {
    body += `\n  /** Base URI of ${doc(s.description || s.env).replace(/\.$/, '')}. */\n`;
    body += `  public static final String ${s.env} = ${str(s.url)};\n`;
  }
  body += '}\n';
  return unit(pkg, im, body);
}

/** The events of the spec (its receive operations), one descriptor each: the event type and the model it decodes into. */
export function renderWsEvents(events, pkg, modelPackage) {
  const im = new Imports(pkg);
  const Descriptor = im.use('io.spotsdk.core.WsEventDescriptor');
  const List = im.use('java.util.List');
  let body = '';
  body += '/**\n';
  body += ' * The events of the WebSocket API, one descriptor each, as declared by the receive operations of\n';
  body += ' * spec/spot-ws-api.yaml: the event type on the wire ({@code event.e}), the model it decodes into, and whether it\n';
  body += ' * belongs to the user data stream.\n';
  body += ' */\n';
  body += 'public final class WsEvents {\n';
  body += '  private WsEvents() {}\n';
  for (const e of events) {
    const t = im.type(`${modelPackage}.${e.model}`);
    body += '\n  /**\n';
    body += `   * {@code ${e.type}}${e.summary ? `: ${doc(e.summary)}` : ''}\n`;
    body += '   */\n';
    body += `  public static final ${Descriptor}<${t}> ${e.names.constant} =\n`;
    body += `      new ${Descriptor}<>(${str(e.type)}, ${t}.class, ${e.userDataStream});\n`;
  }
  body += '\n  /** Every event, in the order of the spec. */\n';
  body += `  public static final ${List}<${Descriptor}<?>> ALL = ${List}.of(\n`;
  body += events.map((e) => `      ${e.names.constant}`).join(',\n');
  body += ');\n';
  body += '}\n';
  return unit(pkg, im, body);
}
