import { KeyStore, PersonErased } from './key-store.port';
import { newDataKey } from './field-cipher';

/** Keys in process memory: for unit tests and throw-away demos; a restart forgets every key. */
export class InMemoryKeyStore extends KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly erased = new Set<string>();

  async keyFor(subject: string): Promise<Buffer> {
    if (this.erased.has(subject)) throw new PersonErased();
    let key = this.keys.get(subject);
    if (!key) {
      key = newDataKey();
      this.keys.set(subject, key);
    }
    return key;
  }

  async existingKeys(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    return new Map(subjects.flatMap((s) => (this.keys.has(s) ? [[s, this.keys.get(s) as Buffer] as const] : [])));
  }

  async erase(subject: string): Promise<void> {
    this.keys.get(subject)?.fill(0);
    this.keys.delete(subject);
    this.erased.add(subject);
  }

  async isErased(subject: string): Promise<boolean> {
    return this.erased.has(subject);
  }
}
