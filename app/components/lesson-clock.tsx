import { useEffect } from "react";
import { BEAT } from "../lib/study-clock";

/**
 * Sends the 学时 heartbeat while the lesson is on screen (Page Visibility API). Hidden: one last
 * beat, then silence. Visible again: a restart beat, so the hidden time is never counted. The
 * server decides what each beat is worth; this only keeps time. Renders nothing.
 */
export function LessonClock({ lessonId }: { lessonId: number }) {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const beat = (restart: boolean) => {
      const body = new FormData();
      body.set("lesson", String(lessonId));
      if (restart) body.set("restart", "1");
      // keepalive: the beat sent as the page is hidden still arrives if the tab is then closed.
      fetch("/learn/beat", { method: "POST", body, credentials: "same-origin", keepalive: true }).catch(() => {});
    };
    const start = () => {
      clearInterval(timer);
      timer = setInterval(() => beat(false), BEAT.intervalSeconds * 1000);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        beat(true);
        start();
      } else {
        clearInterval(timer);
        beat(false);
      }
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [lessonId]);
  return null;
}
