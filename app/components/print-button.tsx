import { useEffect, useState } from "react";
import { Button } from "./ui/button";

/** window.print() needs JavaScript: without it the button is not shown (the browser's own print still works). */
export function PrintButton({ children }: { children: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <Button type="button" onClick={() => window.print()} className="w-full sm:w-auto">
      {children}
    </Button>
  );
}
