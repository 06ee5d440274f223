// Reads a chat answer into a ProcessModel: plain, fenced or prose-wrapped JSON; a cut-off or off-schema answer is a
// problem whose message goes back to the model word for word.
import { ModelError, readModel, type ProcessModel } from '../../model.ts';

export class AnswerProblem extends Error {
  override name = 'AnswerProblem';
}

/** The JSON text inside an answer: a ```json fence if there is one, else from the first "{" to the last "}". */
export function jsonText(content: string): string {
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)(?:```|$)/i.exec(content);
  if (fenced) return fenced[1]!.trim();
  const first = content.indexOf('{');
  const last = content.lastIndexOf('}');
  return first >= 0 ? content.slice(first, last > first ? last + 1 : undefined).trim() : content.trim();
}

export function parseAnswer(content: string, finishReason: string | null): ProcessModel {
  let value: unknown;
  try {
    value = JSON.parse(jsonText(content));
  } catch (err) {
    if (finishReason === 'length') {
      throw new AnswerProblem('the answer was cut off at the token limit before the JSON was complete; answer with shorter labels and no extra fields');
    }
    throw new AnswerProblem(`the answer is not JSON (${(err as Error).message})`);
  }
  try {
    return readModel(value);
  } catch (err) {
    if (err instanceof ModelError) throw new AnswerProblem(`the JSON does not match the schema: ${err.message}`);
    throw err;
  }
}
