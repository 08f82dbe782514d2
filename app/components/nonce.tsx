import { createContext, useContext } from "react";

// The CSP nonce reaches <Scripts> through context (set in entry.server) rather than loader data,
// so even an error page whose loaders failed can hydrate. In the browser it is "" (not needed there).
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
