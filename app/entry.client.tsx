import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { setMessagesSource } from "./lib/messages";

// The page was rendered in the reader's language (<html lang>); hydrate in the same one. English is
// its own chunk, fetched only by those who chose it: Chinese readers download no second dictionary.
const dictionary =
  document.documentElement.lang === "en"
    ? import("./lib/messages-en").then(({ en }) => setMessagesSource(() => ({ locale: "en", messages: en })))
    : Promise.resolve();

dictionary.then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
