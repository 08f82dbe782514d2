import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { logOut } from "../lib/auth.server";

export async function loader() {
  // Logging out changes state, so it is a POST; a GET (a prefetch, a pasted link) just goes home.
  return redirect("/");
}

export async function action({ context }: ActionFunctionArgs) {
  return logOut(context);
}
