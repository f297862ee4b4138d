/** Collects every problem of one file, each naming the file and the field, e.g. `lessons[2].body`. */
export class FileProblems {
  readonly lines: string[] = [];

  constructor(readonly file: string) {}

  add(path: string, message: string): void {
    this.lines.push(path ? `${this.file}: ${path}: ${message}` : `${this.file}: ${message}`);
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Typed reads of one YAML mapping. A wrong value is recorded as a problem and a harmless
 * placeholder returned, so one pass reports everything wrong with a file, not just the first.
 */
export class YamlFields {
  private constructor(
    private readonly source: Record<string, unknown>,
    private readonly path: string,
    private readonly problems: FileProblems,
  ) {}

  static of(value: unknown, path: string, problems: FileProblems): YamlFields {
    if (!isMapping(value)) {
      problems.add(path, 'must be a mapping of fields');
      return new YamlFields({}, path, problems);
    }
    return new YamlFields(value, path, problems);
  }

  /** Fields besides `known` are reported: a misspelt `corect:` should not pass silently. */
  only(...known: string[]): this {
    for (const key of Object.keys(this.source)) {
      if (!known.includes(key)) this.problems.add(this.at(key), `unknown field (expected one of ${known.join(', ')})`);
    }
    return this;
  }

  text(key: string, maxLength: number, pattern?: { regex: RegExp; description: string }): string {
    const value = this.source[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.problems.add(this.at(key), 'is required and must be text');
      return '';
    }
    const text = value.trim();
    if (text.length > maxLength) this.problems.add(this.at(key), `is ${text.length} characters; the limit is ${maxLength}`);
    if (pattern && !pattern.regex.test(text)) this.problems.add(this.at(key), `must be ${pattern.description}`);
    return text;
  }

  optionalText(key: string, maxLength: number, check?: { test: (value: string) => boolean; description: string }) {
    if (this.source[key] === undefined || this.source[key] === null) return null;
    const text = this.text(key, maxLength);
    if (text && check && !check.test(text)) this.problems.add(this.at(key), `must be ${check.description}`);
    return text || null;
  }

  integer(key: string, min: number, max: number): number {
    const value = this.source[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problems.add(this.at(key), `must be a whole number from ${min} to ${max}`);
      return min;
    }
    return value;
  }

  optionalInteger(key: string, min: number, max: number): number | null {
    return this.source[key] === undefined || this.source[key] === null ? null : this.integer(key, min, max);
  }

  boolean(key: string): boolean {
    const value = this.source[key];
    if (typeof value !== 'boolean') {
      this.problems.add(this.at(key), 'must be true or false');
      return false;
    }
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.source[key];
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      this.problems.add(this.at(key), `must be one of ${allowed.join(', ')}`);
      return allowed[0];
    }
    return value as T;
  }

  list(key: string, min: number, max: number): YamlFields[] {
    return this.rawList(key, min, max).map((item, index) => YamlFields.of(item, `${this.at(key)}[${index}]`, this.problems));
  }

  textList(key: string, min: number, max: number, maxLength: number): string[] {
    return this.rawList(key, min, max).map((item, index) => {
      if (typeof item !== 'string' || item.trim() === '' || item.length > maxLength) {
        this.problems.add(`${this.at(key)}[${index}]`, `must be text of at most ${maxLength} characters`);
        return '';
      }
      return item.trim();
    });
  }

  integerList(key: string, min: number, max: number): number[] {
    return this.rawList(key, 0, 50).map((item, index) => {
      if (typeof item !== 'number' || !Number.isInteger(item) || item < min || item > max) {
        this.problems.add(`${this.at(key)}[${index}]`, `must be a whole number from ${min} to ${max}`);
        return min;
      }
      return item;
    });
  }

  object(key: string): YamlFields {
    return YamlFields.of(this.source[key], this.at(key), this.problems);
  }

  /** Reports a problem found by a rule about this mapping (e.g. the publishing rules). */
  problem(relativePath: string, message: string): void {
    this.problems.add(relativePath ? this.at(relativePath) : this.path, message);
  }

  private rawList(key: string, min: number, max: number): unknown[] {
    const value = this.source[key];
    if (!Array.isArray(value)) {
      this.problems.add(this.at(key), 'must be a list');
      return [];
    }
    if (value.length < min || value.length > max) {
      this.problems.add(this.at(key), `must have ${min} to ${max} entries; it has ${value.length}`);
    }
    return value;
  }

  private at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }
}
