/** Entering the verify code a login asks for (WorkPro), from the #验证码 command. */
export interface VerifyCodePort {
  /** 'not-asked' when no code is awaited right now. */
  submit(code: string): 'submitted' | 'not-asked'
}
