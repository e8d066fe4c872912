/** Something that becomes ready once (all the art has loaded): ask, or wait for it. */
export class Latch {
  private done = false;
  private readonly waiters: (() => void)[] = [];

  get ready(): boolean {
    return this.done;
  }

  open(): void {
    this.done = true;
    for (const w of this.waiters.splice(0)) w();
  }

  wait(): Promise<void> {
    return this.done ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
