import { Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from 'grammy';

type MaybePromise<T> = T | Promise<T>;

const ignore = () => undefined;
const settled: Promise<void> = Promise.resolve();

/**
 * A grammY Composer that runs its middleware as one flat list and tests its filters in place.
 *
 * grammY's own Composer nests two async functions per `use`, and every filter (`command`,
 * `callbackQuery`, `on`, `hears` all go through `filter`) builds a new Composer each time it is tried
 * (`filter` → `branch` → `lazy`). A `/credit` passes ~40 such layers on its way to its handler:
 * ~300 of the update's ~500 promises, and on Node 20 every promise pays each AsyncLocalStorage's hook.
 * Here a layer is one call, and a promise only when its middleware makes one. Same meaning: in order,
 * each layer decides whether to call `next`, a filter's predicate may be async, and the Composer a
 * `use` or `filter` returns can still be added to.
 */
export class FeatureComposer<C extends Context> extends Composer<C> {
  readonly #chain: MiddlewareFn<C>[] = [];

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new Composer(...middleware);
    this.#chain.push((ctx, next) => composer.middleware()(ctx, next));
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new Composer(...middleware);
    this.#chain.push((ctx, next) => {
      const matched = predicate(ctx);
      if (typeof matched === 'boolean') return matched ? composer.middleware()(ctx, next) : next();
      return matched.then((yes) => (yes ? composer.middleware()(ctx, next) : next()));
    });
    return composer;
  }

  override middleware(): MiddlewareFn<C> {
    return (ctx, next) => this.#from(0, ctx, next);
  }

  #from(index: number, ctx: C, next: NextFunction): Promise<void> {
    const layer = this.#chain[index];
    if (layer === undefined) return next();
    let called = false;
    const onward = () => {
      if (called) return Promise.reject(new Error('`next` already called before!'));
      called = true;
      return this.#from(index + 1, ctx, next);
    };
    try {
      const out = layer(ctx, onward);
      return out instanceof Promise ? out.then(ignore) : settled;
    } catch (error) {
      // As from grammY's async layers: a layer that throws fails the promise, not the caller.
      return Promise.reject(error);
    }
  }
}
