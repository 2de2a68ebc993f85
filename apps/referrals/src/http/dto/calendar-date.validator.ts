import { registerDecorator, ValidationOptions } from 'class-validator';
import { CALENDAR_DATE, FR } from './validation-messages';

/** A `YYYY-MM-DD` date that exists (2026-02-30 does not). */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: FR.date, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
          const parsed = new Date(`${value}T00:00:00.000Z`);
          return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
        },
      },
    });
}
