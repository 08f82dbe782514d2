import { AsyncLocalStorage } from "node:async_hooks";
import { type Locale, setMessagesSource, zh } from "./messages";
import { en } from "./messages-en";

/**
 * What the request being answered knows before any loader runs, for code that has no `context` at
 * hand: today, which language `t` speaks. server.ts opens the scope; the load context may refine it
 * once the session is known (the account's language wins over the device's).
 *
 * server.ts and the built app (build/) each load their own copy of this module, so the store lives
 * under a registered symbol: both copies share one AsyncLocalStorage.
 */
interface RequestScope {
  locale: Locale;
}

const key = Symbol.for("sanfang-academy.request-scope");
const storage: AsyncLocalStorage<RequestScope> = ((globalThis as Record<symbol, unknown>)[key] ??= new AsyncLocalStorage<RequestScope>()) as AsyncLocalStorage<RequestScope>;

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function requestScope(): RequestScope | undefined {
  return storage.getStore();
}

const dictionaries = { zh, en } as const;

/** `t` answers in the language of the request it is read in; outside a request (scripts, tests), Chinese. */
export function speakRequestLocale() {
  setMessagesSource(() => {
    const locale = storage.getStore()?.locale ?? "zh";
    return { locale, messages: dictionaries[locale] };
  });
}
