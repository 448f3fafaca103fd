import { useTranslations } from 'next-intl';
import type { PopCustomer } from '../../../server/realtime/events';
import { SegmentBadge } from '../../components/segment-badge';
import { Tooltip } from '../../components/tooltip';
import { RfmScores } from './rfm-scores';

/** The value segment with what it means (tooltip) and the RFM scores behind it. */
export function SegmentInfo({ customer }: { customer: PopCustomer }) {
  const t = useTranslations('segmentInfo');
  const key = customer.segment ?? 'none';
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="pop-segment" data-segment={key}>
      <Tooltip tip={t(key)} testId="segment-tip">
        <SegmentBadge segment={customer.segment} />
      </Tooltip>
      {customer.rfm && <RfmScores rfm={customer.rfm} />}
    </span>
  );
}
