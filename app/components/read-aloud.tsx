import { type ReactNode, useEffect, useRef, useState } from "react";
import { t } from "../lib/messages";
import { pickChineseVoice, readableBlocks, SPEEDS, spokenText } from "../lib/read-aloud";

type State = "idle" | "playing" | "paused";

/**
 * 朗读: reads the lesson aloud with the browser's own speech synthesis in Mandarin, block by block,
 * marking the block being read. Shown only once the browser offers a zh-CN voice (none on the
 * server, none in a browser without one), so it never offers what it cannot do.
 *
 * Pause cancels and remembers the block rather than calling speechSynthesis.pause(), which some
 * Android browsers ignore or never resume from; 继续 starts that block again.
 */
export function ReadAloud({ titleId, bodyId }: { titleId: string; bodyId: string }) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [state, setState] = useState<State>("idle");
  const [rate, setRate] = useState<number>(1);
  const [progress, setProgress] = useState<{ at: number; of: number } | null>(null);
  const blocks = useRef<HTMLElement[]>([]);
  const position = useRef(0);
  const rateNow = useRef(1);
  // Each start bumps this; callbacks of an utterance that was cancelled since see a newer number.
  const run = useRef(0);

  useEffect(() => {
    if (!("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    const update = () => setVoice(pickChineseVoice(synth.getVoices()));
    update();
    synth.addEventListener("voiceschanged", update);
    return () => {
      synth.removeEventListener("voiceschanged", update);
      run.current++;
      synth.cancel();
      mark(null);
    };
  }, []);

  if (!voice) return null;
  const r = t.readAloud;

  const speakFrom = (index: number) => {
    const synth = window.speechSynthesis;
    const mine = ++run.current;
    synth.cancel();
    const block = blocks.current[index];
    if (!block) return finish();
    position.current = index;
    setProgress({ at: index + 1, of: blocks.current.length });
    mark(block);
    const utterance = new SpeechSynthesisUtterance(spokenText(block));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = rateNow.current;
    utterance.onend = () => {
      if (run.current === mine) speakFrom(index + 1);
    };
    utterance.onerror = (event) => {
      // "interrupted"/"canceled" are our own pause, stop or speed change.
      if (run.current === mine && event.error !== "interrupted" && event.error !== "canceled") finish();
    };
    synth.speak(utterance);
  };
  const finish = () => {
    run.current++;
    window.speechSynthesis.cancel();
    mark(null);
    position.current = 0;
    setProgress(null);
    setState("idle");
  };
  const play = () => {
    const title = document.getElementById(titleId);
    const body = document.getElementById(bodyId);
    blocks.current = [...(title ? [title] : []), ...(body ? readableBlocks(body) : [])];
    setState("playing");
    speakFrom(0);
  };
  const pause = () => {
    run.current++;
    window.speechSynthesis.cancel();
    setState("paused");
  };
  const resume = () => {
    setState("playing");
    speakFrom(position.current);
  };
  const changeRate = (next: number) => {
    setRate(next);
    rateNow.current = next;
    if (state === "playing") speakFrom(position.current);
  };

  const playPause =
    state === "playing" ? (
      <ControlButton onClick={pause} primary>
        <Icon shape="pause" /> {r.pause}
      </ControlButton>
    ) : (
      <ControlButton onClick={state === "paused" ? resume : play} primary>
        <Icon shape="play" /> {state === "paused" ? r.resume : r.play}
      </ControlButton>
    );
  const stop = (
    <ControlButton onClick={finish}>
      <Icon shape="stop" /> {r.stop}
    </ControlButton>
  );

  return (
    <section aria-label={r.label} className="mb-6 rounded-2xl border border-stone-200 bg-white p-3 print:hidden" data-read-aloud="skip">
      {/* Idle, the button sits here; reading, the controls move to a bar at the bottom of the screen. */}
      {state === "idle" ? <div className="flex flex-wrap items-center gap-2">{playPause}</div> : null}
      <fieldset className="mt-3">
        <legend className="text-base text-stone-700">{r.speed}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {SPEEDS.map((speed) => (
            <label
              key={speed}
              className="inline-flex min-h-12 min-w-16 cursor-pointer items-center justify-center rounded-xl border-2 border-stone-300 px-3 text-lg has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-bold has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600"
            >
              <input type="radio" name="read-aloud-speed" value={speed} checked={rate === speed} onChange={() => changeRate(speed)} className="sr-only" />
              {r.speedValue(speed)}
            </label>
          ))}
        </div>
      </fieldset>
      <p aria-live="polite" className="mt-2 text-base text-stone-700">
        {progress ? r.reading(progress.at, progress.of) : state === "idle" ? r.hint : ""}
      </p>
      {/* While reading, the page scrolls with the text: pause and stop stay under the thumb. */}
      {state !== "idle" ? (
        <div className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-300 bg-white px-4 py-2 shadow-lg">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-2">
            {playPause}
            {stop}
            {progress ? (
              <span aria-hidden="true" className="text-base text-stone-700">
                {progress.at} / {progress.of}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

function ControlButton({ onClick, primary = false, children }: { onClick: () => void; primary?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={`inline-flex min-h-12 items-center gap-2 rounded-xl px-5 text-lg font-medium ${
        primary ? "bg-brand-600 text-white hover:bg-brand-700" : "border-2 border-stone-300 bg-white text-stone-900 hover:bg-stone-100"
      }`}
    >
      {children}
    </button>
  );
}

/** Drawn, not typed: ⏸ and ■ are missing from many phones' fonts and showed as empty boxes. */
function Icon({ shape }: { shape: "play" | "pause" | "stop" }) {
  const path = { play: "M4 2.5v11l9.5-5.5z", pause: "M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z", stop: "M3 3h10v10H3z" }[shape];
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-[1em] w-[1em] fill-current">
      <path d={path} />
    </svg>
  );
}

/** The block being read is marked (styled in tailwind.css) and kept on screen. */
function mark(block: HTMLElement | null) {
  for (const marked of Array.from(document.querySelectorAll("[data-reading]"))) marked.removeAttribute("data-reading");
  if (!block) return;
  block.setAttribute("data-reading", "");
  const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  block.scrollIntoView?.({ block: "center", behavior: reduced ? "auto" : "smooth" });
}
