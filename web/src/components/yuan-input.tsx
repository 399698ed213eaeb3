import { InputNumber, type InputNumberProps } from 'antd';

/** An amount in yuan with cents (orders, refunds, costs): the form holds yuan; the API takes cents. */
export const YuanInput = (props: InputNumberProps<number>) => (
  <InputNumber<number> min={0} step={0.01} precision={2} prefix="¥" style={{ width: '100%' }} {...props} />
);
