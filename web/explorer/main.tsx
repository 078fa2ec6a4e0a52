import { createRoot } from "react-dom/client";

createRoot(document.getElementById("explorer")!).render(<p>Prassi explorer</p>);
