import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LawArticleDialog, type ArticleRef } from './law-article-dialog.tsx';

/** Props of StoredTextButton. */
export interface StoredTextButtonProps extends ArticleRef {
  readonly testId: string;
}

/** Opens a citation's article as the legal-acts store holds it (the current version). */
export function StoredTextButton({ code, article, part, testId }: StoredTextButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={testId}>
        {t('laws.article.open')}
      </Button>
      {open && <LawArticleDialog code={code} article={article} part={part} onClose={() => setOpen(false)} />}
    </>
  );
}
