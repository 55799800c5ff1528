/**
 * Parent lists (firewall groups, DNS domains) read once per run and shared by the steps that need
 * them: the step listing the parents and the step listing their children each report on their
 * own, without the parent list being fetched twice. Every step of a run lists under the same
 * abort signal, so sharing one read is safe. Parent lists are short (tens of items).
 */
export class VultrSharedLists {
  readonly #lists = new Map<string, Promise<readonly unknown[]>>();

  /** The list under `key`, read by `load` on first use; a failed read fails every user alike. */
  get<Item>(key: string, load: () => Promise<Item[]>): Promise<readonly Item[]> {
    let list = this.#lists.get(key);
    if (!list) {
      list = load();
      this.#lists.set(key, list);
    }
    return list as Promise<readonly Item[]>;
  }
}
