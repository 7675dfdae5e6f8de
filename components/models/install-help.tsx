/** How to give the deployment a language model: a folder under MODELS_DIR, or downloads from the hub. */
export function InstallHelp({
  modelsDir,
  model,
  downloadAllowed,
}: {
  /** MODELS_DIR as the server resolved it. */
  modelsDir: string;
  /** The model the deployment offers (TAILOR_EMBEDDING_MODEL). */
  model: string;
  downloadAllowed: boolean;
}) {
  const layout = [
    `${modelsDir}/`,
    `└── ${model}/`,
    '    ├── config.json',
    '    ├── tokenizer.json',
    '    ├── tokenizer_config.json',
    '    └── onnx/',
    '        └── model_quantized.onnx',
  ].join('\n');
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>
        Tailor works without a language model: the lexical embedder keeps search, similar products and
        recommendations running. A multilingual sentence model adds search by meaning, across languages (a
        German query finds English products).
      </p>
      <h3 className="font-semibold text-slate-900">1. Put the model folder in MODELS_DIR</h3>
      <p>
        The server reads models from the folder named by <code>MODELS_DIR</code>
        {modelsDir.startsWith('<') ? (
          ' (default: models, next to the app)'
        ) : (
          <>
            {' '}
            (here: <code>{modelsDir}</code>)
          </>
        )}
        . Copy the Transformers.js (ONNX) export of <code>{model}</code> there, with this layout:
      </p>
      <section
        aria-label={`Folder layout of ${model} under MODELS_DIR`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
        tabIndex={0}
        className="overflow-x-auto rounded-lg bg-slate-900 p-4"
      >
        <pre className="font-mono text-xs leading-relaxed text-slate-100">{layout}</pre>
      </section>
      <p>
        On a machine with internet access, the files come from the Hugging Face repository{' '}
        <code>{model}</code> (for example <code>git clone https://huggingface.co/{model}</code>, with Git
        LFS). <code>Xenova/paraphrase-multilingual-MiniLM-L12-v2</code> works too: set{' '}
        <code>TAILOR_EMBEDDING_MODEL</code> to the model you installed.
      </p>
      <h3 className="font-semibold text-slate-900">2. Or let the server download it</h3>
      <p>
        Where the deployment can reach the model hub, set <code>TAILOR_ALLOW_MODEL_DOWNLOAD=true</code>: the
        model is downloaded on first use and cached. Downloads are{' '}
        <strong>{downloadAllowed ? 'allowed' : 'not allowed'}</strong> in this deployment
        {downloadAllowed ? '.' : ', so only folders in MODELS_DIR are used.'}
      </p>
      <h3 className="font-semibold text-slate-900">3. Re-embed</h3>
      <p>
        Keep the workspace on <em>Automatic</em> (or choose the model above), then press <em>Re-embed now</em>
        . The current vectors keep answering queries until the new ones are ready.
      </p>
    </div>
  );
}
