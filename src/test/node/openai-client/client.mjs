// Asks Cited's OpenAI-compatible endpoint through the official openai npm client, plain and streamed, and prints
// what the client received as one JSON object, for OpenAiNodeClientTest to check.
// Usage: node client.mjs BASE_URL API_KEY QUESTION
import OpenAI from 'openai';

const [baseURL, apiKey, question] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 60_000 });
const messages = [{ role: 'user', content: question }];

const completion = await client.chat.completions.create({ model: 'cited', messages });
const choice = completion.choices[0];

const stream = await client.chat.completions.create({
  model: 'cited', messages, stream: true, stream_options: { include_usage: true },
});
let content = '';
let chunks = 0;
let role = null;
let finishReason = null;
let citations = null;
let grounded = null;
let usage = null;
for await (const chunk of stream) {
  chunks++;
  if (chunk.usage) usage = chunk.usage;
  for (const c of chunk.choices) {
    if (c.delta.role) role = c.delta.role;
    if (c.delta.content) content += c.delta.content;
    if (c.finish_reason) {
      finishReason = c.finish_reason;
      citations = c.delta.citations ?? null;
      grounded = c.delta.grounded ?? null;
    }
  }
}

let unauthorized = null;
try {
  await new OpenAI({ baseURL, apiKey: 'wrong-key', maxRetries: 0 }).models.list();
} catch (e) {
  unauthorized = { status: e.status ?? null, type: e.type ?? null, code: e.code ?? null };
}

console.log(JSON.stringify({
  plain: {
    model: completion.model, content: choice.message.content, finishReason: choice.finish_reason,
    citations: choice.message.citations ?? null, grounded: choice.message.grounded ?? null, usage: completion.usage,
  },
  streamed: { role, content, chunks, finishReason, citations, grounded, usage },
  models: (await client.models.list()).data.map((m) => m.id),
  unauthorized,
}));
