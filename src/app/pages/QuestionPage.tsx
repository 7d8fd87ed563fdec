// A question page: the fact's kind chooses the form (src/app/pages/question/: yes/no and choice,
// select all that apply, dates), each inside the shared frame of question/parts.tsx.
import { useApp } from '../context';
import { factById } from '../state/journey';
import { NotFoundPage } from './NotFoundPage';
import { ChoiceQuestion } from './question/ChoiceQuestion';
import { DateQuestion } from './question/DateQuestion';
import { MultiQuestion } from './question/MultiQuestion';

interface Props {
  factId: string;
  returnTo?: 'check' | undefined;
  /** On a question a change from check your answers opened: the answer changed. */
  changed?: string | undefined;
}

export function QuestionPage({ factId, returnTo, changed }: Props) {
  const { ruleSet } = useApp();
  const fact = factById(ruleSet, factId);
  if (!fact) return <NotFoundPage />;
  switch (fact.type) {
    case 'yesno':
    case 'choice':
      return <ChoiceQuestion fact={fact} returnTo={returnTo} changed={changed} />;
    case 'multi':
      return <MultiQuestion fact={fact} returnTo={returnTo} changed={changed} />;
    case 'date':
      return <DateQuestion fact={fact} returnTo={returnTo} changed={changed} />;
  }
}
