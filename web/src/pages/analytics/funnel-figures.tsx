import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/i18n.tsx';
import { useT } from '../../i18n/i18n.tsx';
import {
  changePercent,
  type Funnel,
  type FunnelFigure,
  type FunnelFiguresData,
  money,
  percent,
} from './analytics-data.ts';

type Line = {
  key: string;
  label: MessageKey;
  value: (f: FunnelFiguresData) => number;
  format?: (n: number) => string;
  /** The members behind the figure, when the API lists them. */
  figure?: FunnelFigure;
  /** Shown under the figure (a rate, the eligible cohort). */
  note?: (f: FunnelFiguresData, t: ReturnType<typeof useT>) => string;
};

const count = (n: number) => n.toLocaleString();

/** The AARRR stages and the figures each shows; the first of a stage is its headline. */
export const funnelStages: { key: string; title: MessageKey; lines: Line[] }[] = [
  {
    key: 'acquisition',
    title: 'funnel.acquisition',
    lines: [
      {
        key: 'newMembers',
        label: 'funnel.newMembers',
        value: (f) => f.acquisition.newMembers,
        figure: 'newMembers',
      },
    ],
  },
  {
    key: 'activation',
    title: 'funnel.activation',
    lines: [
      {
        key: 'activated',
        label: 'funnel.activated',
        value: (f) => f.activation.activated,
        figure: 'activated',
        note: (f, t) => t('funnel.ofNew', { rate: percent(f.activation.rate) }),
      },
    ],
  },
  {
    key: 'retention',
    title: 'funnel.retention',
    lines: (['w1', 'w2', 'w4'] as const).map((w) => ({
      key: `retained${w.toUpperCase()}`,
      label: `funnel.retained.${w}` as MessageKey,
      value: (f: FunnelFiguresData) => f.retention[w].retained,
      figure: `retained${w.toUpperCase()}` as FunnelFigure,
      note: (f: FunnelFiguresData, t: ReturnType<typeof useT>) =>
        t('funnel.ofEligible', { rate: percent(f.retention[w].rate), eligible: f.retention[w].eligible }),
    })),
  },
  {
    key: 'revenue',
    title: 'funnel.revenue',
    lines: [
      {
        key: 'gmv',
        label: 'funnel.gmv',
        value: (f) => f.revenue.gmvCents,
        format: money,
        note: (f, t) => t('funnel.refunded', { amount: money(f.revenue.refundedCents) }),
      },
      { key: 'orders', label: 'funnel.orders', value: (f) => f.revenue.orders },
      { key: 'buyers', label: 'funnel.buyers', value: (f) => f.revenue.buyers, figure: 'buyers' },
      {
        key: 'converted',
        label: 'funnel.converted',
        value: (f) => f.revenue.converted,
        figure: 'converted',
        note: (f, t) => t('funnel.ofNew', { rate: percent(f.revenue.conversionRate) }),
      },
      { key: 'arpu', label: 'funnel.arpu', value: (f) => f.revenue.arpuCents, format: money },
    ],
  },
  {
    key: 'referral',
    title: 'funnel.referral',
    lines: [
      { key: 'inviters', label: 'funnel.inviters', value: (f) => f.referral.inviters, figure: 'inviters' },
      { key: 'invitees', label: 'funnel.invitees', value: (f) => f.referral.invitees, figure: 'invitees' },
      { key: 'validInvites', label: 'funnel.validInvites', value: (f) => f.referral.validInvites },
      {
        key: 'kFactor',
        label: 'funnel.kFactor',
        value: (f) => f.referral.kFactor,
        format: (n) => n.toFixed(2),
      },
    ],
  },
];

/** Up or down against the previous period, green up and red down; nothing when there is nothing to compare. */
export const Change = ({ current, previous }: { current: number; previous: number }) => {
  const change = changePercent(current, previous);
  if (change === undefined) return null;
  const up = change >= 0;
  return (
    <span style={{ color: change === 0 ? '#8c8c8c' : up ? '#389e0d' : '#cf1322', fontSize: 12 }}>
      {change !== 0 && (up ? <ArrowUpOutlined /> : <ArrowDownOutlined />)} {Math.abs(change)}%
    </span>
  );
};

const FigureRow = ({
  line,
  funnel,
  headline,
  onOpen,
}: {
  line: Line;
  funnel: Funnel;
  headline: boolean;
  onOpen: (figure: FunnelFigure, label: MessageKey) => void;
}) => {
  const t = useT();
  const format = line.format ?? count;
  const current = line.value(funnel.current);
  const previous = line.value(funnel.previous);
  const text = format(current);
  const value: ReactNode = line.figure ? (
    <Button
      type="link"
      style={{ padding: 0, height: 'auto', fontSize: 'inherit', fontWeight: 'inherit' }}
      onClick={() => line.figure && onOpen(line.figure, line.label)}
      data-testid={`funnel-${line.key}`}
    >
      {text}
    </Button>
  ) : (
    <span data-testid={`funnel-${line.key}`}>{text}</span>
  );
  return (
    <div
      style={{
        padding: headline ? '0 0 8px' : '6px 0',
        borderTop: headline ? undefined : '1px solid #f5f5f5',
      }}
    >
      {!headline && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(line.label)}
        </Typography.Text>
      )}
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
        <span
          style={{
            fontSize: headline ? 26 : 16,
            fontWeight: headline ? 500 : 400,
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {value}
        </span>
        <Change current={current} previous={previous} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Tooltip title={t('funnel.previousPeriod', { from: funnel.previous.from, to: funnel.previous.to })}>
          <span data-testid={`funnel-${line.key}-previous`}>
            {t('funnel.previous', { value: format(previous) })}
          </span>
        </Tooltip>
        {line.note && <> · {line.note(funnel.current, t)}</>}
      </Typography.Text>
    </div>
  );
};

/**
 * The five AARRR stages of a funnel as cards: each figure with the previous period and the change, and the figures
 * that stand for members clickable (onOpen lists them).
 */
export const FunnelFigures = ({
  funnel,
  onOpen,
}: {
  funnel: Funnel | undefined;
  onOpen: (figure: FunnelFigure, label: MessageKey) => void;
}) => {
  const t = useT();
  return (
    <Row gutter={[16, 16]} data-testid="funnel-figures">
      {funnelStages.map((stage, index) => (
        <Col key={stage.key} flex="1 1 200px">
          <Card
            size="small"
            style={{ height: '100%' }}
            title={
              <span>
                <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
                  {index + 1}
                </Typography.Text>
                {t(stage.title)}
              </span>
            }
          >
            {!funnel ? (
              <Skeleton active paragraph={{ rows: 2 }} title={false} />
            ) : (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(stage.lines[0]!.label)}
                </Typography.Text>
                {stage.lines.map((line, i) => (
                  <FigureRow key={line.key} line={line} funnel={funnel} headline={i === 0} onOpen={onOpen} />
                ))}
              </>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
};
